/**
 * Binary values captured from the lab DC (see the README beside them) and the well-known SID
 * aliases Samba's SDDL uses for them.
 */
import fs from 'node:fs';

const dir = new URL('./fixtures/', import.meta.url);

export const fixture = (name: string): Buffer => fs.readFileSync(new URL(name, dir));
export const fixtureText = (name: string): string => fs.readFileSync(new URL(name, dir), 'utf8').trim();

/** The lab domain's SID when the fixtures were captured. */
export const LAB_DOMAIN_SID = 'S-1-5-21-2139691372-2918706647-632492752';

export const SDDL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['S-1-1-0', 'WD'],
  ['S-1-5-11', 'AU'],
  ['S-1-5-18', 'SY'],
  ['S-1-5-10', 'PS'],
  ['S-1-5-9', 'ED'],
  ['S-1-5-32-544', 'BA'],
  ['S-1-5-32-548', 'AO'],
  ['S-1-5-32-554', 'RU'],
  [`${LAB_DOMAIN_SID}-512`, 'DA'],
  [`${LAB_DOMAIN_SID}-513`, 'DU'],
  [`${LAB_DOMAIN_SID}-516`, 'DD'],
  [`${LAB_DOMAIN_SID}-517`, 'CA'],
  [`${LAB_DOMAIN_SID}-519`, 'EA'],
  [`${LAB_DOMAIN_SID}-498`, 'RO'],
  [`${LAB_DOMAIN_SID}-553`, 'RS'],
]);

/** `O:DAG:DAD:AI(…)(…)S:AI(…)` → the ACE strings of the D: and S: parts. */
export function sddlParts(sddl: string): { owner: string; group: string; dacl: string[]; sacl: string[] } {
  const match =
    /^O:(\w+|S-[\d-]+)G:(\w+|S-[\d-]+)D:[A-Z]*((?:\([^)]*\))*)(?:S:[A-Z]*((?:\([^)]*\))*))?$/.exec(sddl);
  if (!match) throw new Error(`cannot split SDDL ${sddl.slice(0, 60)}…`);
  const aces = (text: string | undefined): string[] => text?.match(/\([^)]*\)/g) ?? [];
  return { owner: match[1]!, group: match[2]!, dacl: aces(match[3]), sacl: aces(match[4]) };
}
