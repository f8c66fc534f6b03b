/**
 * The generated directory of `npm run bench:scale`: N users, each a pure function of its index
 * and the source's generation — objectGUID, DN, UPN, password, change time — so the engine's
 * process (which replicates them) and the bench's parent (which checks the tenant) agree without
 * sharing memory. Generation 0 is the first password of everyone; each later generation changes
 * the passwords of 1% of the users (index % 100 equal to the generation's residue).
 */
import { createHash } from 'node:crypto';

export const SCALE_DOMAIN = 'lab.example.test';
export const SCALE_BASE_DN = 'OU=Bench Scale,DC=lab,DC=example,DC=test';
/** Users per OU, so DNs look like a real directory's. */
const OU_SIZE = 5000;
const BASE_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;
const FILETIME_UNIX_EPOCH_MS = 11_644_473_600_000n;

/** The residue of index % 100 whose users change their password in generation `g` (g ≥ 1). */
export function changedResidue(g: number): number {
  return (g * 37) % 100;
}

export function changedIn(index: number, g: number): boolean {
  return g >= 1 && index % 100 === changedResidue(g);
}

/** How many times user `index` changed their password up to generation `g`. */
export function userGeneration(index: number, g: number): number {
  let n = 0;
  for (let k = 1; k <= g && k <= 10_000; k++) if (changedIn(index, k)) n++;
  return n;
}

/** Index-encoded (the first group) and otherwise hash-spread, so it looks like a real objectGUID. */
export function objectGuidOf(index: number): string {
  const tail = createHash('sha1').update(`phs-bench-scale-${index}`).digest('hex');
  const head = index.toString(16).padStart(8, '0');
  return `${head}-${tail.slice(0, 4)}-4${tail.slice(5, 8)}-8${tail.slice(9, 12)}-${tail.slice(12, 24)}`;
}

export function indexOfGuid(guid: string): number | null {
  const m = /^([0-9a-f]{8})-/i.exec(guid);
  return m ? Number.parseInt(m[1]!, 16) : null;
}

export function samOf(index: number): string {
  return `scale${index}`;
}

export function upnOf(index: number): string {
  return `${samOf(index)}@${SCALE_DOMAIN}`;
}

export function dnOf(index: number): string {
  return `CN=Scale User ${index},OU=Scale ${Math.floor(index / OU_SIZE)},${SCALE_BASE_DN}`;
}

/** The password user `index` has after `changes` changes. */
export function passwordOf(index: number, changes: number): string {
  return `Scale-${index}-${changes}-Pw!`;
}

/** When that password was set (epoch ms): later changes are later. */
export function changedAtMs(index: number, changes: number): number {
  return BASE_MS + changes * DAY_MS + index * 100;
}

export function filetimeOf(ms: number): bigint {
  return (BigInt(ms) + FILETIME_UNIX_EPOCH_MS) * 10_000n;
}

/** The index a name (sAMAccountName, UPN, DN or DOMAIN\name) refers to, if any. */
export function indexOfName(name: string): number | null {
  const m = /(?:^|[\\\s=])scale(?:\s+user\s+)?(\d+)(?:@|,|$)/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}
