/**
 * Builds self-relative security descriptors by hand (MS-DTYP 2.4.6) for tests: the inverse of
 * the parser, written independently from the spec's layout, plus an SDDL-style rendering of
 * parsed ACEs for comparing with what samba-tool prints.
 */
import { guidToBytes } from '../../../../electron/directory/ldap/sd/guid.ts';
import { sidToBytes } from '../../../../electron/directory/ldap/sd/sid.ts';
import type { Ace } from '../../../../electron/directory/ldap/sd/ace.ts';

export interface AceSpec {
  readonly type: number;
  readonly flags?: number;
  readonly mask: number;
  readonly sid: string;
  readonly objectType?: string;
  readonly inheritedObjectType?: string;
}

const OBJECT_TYPES = new Set([0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0f, 0x10]);

export function aceBytes(spec: AceSpec): Buffer {
  const sid = sidToBytes(spec.sid);
  const parts: Buffer[] = [];
  const mask = Buffer.alloc(4);
  mask.writeUInt32LE(spec.mask >>> 0);
  parts.push(mask);
  if (OBJECT_TYPES.has(spec.type)) {
    const flags = Buffer.alloc(4);
    flags.writeUInt32LE((spec.objectType ? 1 : 0) | (spec.inheritedObjectType ? 2 : 0));
    parts.push(flags);
    if (spec.objectType) parts.push(guidToBytes(spec.objectType));
    if (spec.inheritedObjectType) parts.push(guidToBytes(spec.inheritedObjectType));
  }
  parts.push(sid);
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(4);
  header.writeUInt8(spec.type, 0);
  header.writeUInt8(spec.flags ?? 0, 1);
  header.writeUInt16LE(4 + body.length, 2);
  return Buffer.concat([header, body]);
}

export function aclBytes(aces: readonly AceSpec[], revision = 4): Buffer {
  const body = Buffer.concat(aces.map(aceBytes));
  const header = Buffer.alloc(8);
  header.writeUInt8(revision, 0);
  header.writeUInt16LE(8 + body.length, 2);
  header.writeUInt16LE(aces.length, 4);
  return Buffer.concat([header, body]);
}

export interface SdSpec {
  readonly owner?: string;
  readonly group?: string;
  readonly dacl?: readonly AceSpec[] | null;
  readonly sacl?: readonly AceSpec[];
}

/** Layout: header, owner, group, SACL, DACL (in that order, as AD writes them). */
export function sdBytes(spec: SdSpec): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt8(1, 0);
  let control = 0x8000;
  const blocks: Buffer[] = [];
  let offset = 20;
  const place = (field: number, block: Buffer | null): void => {
    if (block === null) return;
    header.writeUInt32LE(offset, field);
    blocks.push(block);
    offset += block.length;
  };
  place(4, spec.owner ? sidToBytes(spec.owner) : null);
  place(8, spec.group ? sidToBytes(spec.group) : null);
  if (spec.sacl) control |= 0x0010;
  place(12, spec.sacl ? aclBytes(spec.sacl) : null);
  if (spec.dacl !== undefined) control |= 0x0004;
  place(16, spec.dacl ? aclBytes(spec.dacl) : null);
  header.writeUInt16LE(control, 2);
  return Buffer.concat([header, ...blocks]);
}

const RIGHTS: readonly [string, number][] = [
  ['RP', 0x10],
  ['WP', 0x20],
  ['CR', 0x100],
  ['CC', 0x1],
  ['DC', 0x2],
  ['LC', 0x4],
  ['LO', 0x80],
  ['RC', 0x20000],
  ['WO', 0x80000],
  ['WD', 0x40000],
  ['SD', 0x10000],
  ['DT', 0x40],
  ['SW', 0x8],
  ['GA', 0x10000000],
];
const FLAGS: readonly [string, number][] = [
  ['OI', 0x1],
  ['CI', 0x2],
  ['NP', 0x4],
  ['IO', 0x8],
  ['ID', 0x10],
  ['SA', 0x40],
  ['FA', 0x80],
];
const TYPES: Readonly<Record<number, string>> = { 0: 'A', 1: 'D', 2: 'AU', 5: 'OA', 6: 'OD', 7: 'OU' };

/** Renders a parsed ACE the way Samba's SDDL does, with `aliases` for well-known SIDs. */
export function sddlAce(ace: Ace, aliases: ReadonlyMap<string, string>): string {
  if (ace.kind === 'unknown') return `(unknown type ${ace.type})`;
  const flags = FLAGS.filter(([, bit]) => ace.flags & bit)
    .map(([code]) => code)
    .join('');
  const rights = RIGHTS.filter(([, bit]) => ace.mask & bit)
    .map(([code]) => code)
    .join('');
  const object = ace.kind === 'object' ? (ace.objectType ?? '') : '';
  const inherited = ace.kind === 'object' ? (ace.inheritedObjectType ?? '') : '';
  return `(${TYPES[ace.type] ?? ace.type};${flags};${rights};${object};${inherited};${aliases.get(ace.sid) ?? ace.sid})`;
}
