/**
 * A fake Active Directory for engine tests: objects with deterministic NT hashes (from the
 * object's GUID and password version), an update sequence number per change (like AD's USN),
 * and a ReplicationSource over it with opaque cursors, pages, faults and counters.
 * Serialisable, so a child process can serve the same directory from a file.
 */
import { createHash } from 'node:crypto';

export interface FakeObject {
  objectGuid: string;
  sam: string;
  upn: string | null;
  dn: string;
  classes: string[];
  uac: number;
  /** null: the account has no password. */
  passwordVersion: number | null;
  passwordChangedAt: string | null;
  mustChange: boolean;
  critical?: boolean;
  deleted?: boolean;
  /** A source anchor other than the objectGUID's (mS-DS-ConsistencyGuid set later). */
  anchor?: string;
  usn: number;
}

export interface DirectoryData {
  usn: number;
  objects: FakeObject[];
}

export const DOMAIN = 'DC=lab,DC=example,DC=test';
export const STAFF = `OU=Staff,${DOMAIN}`;
export const CONTRACTORS = `OU=Contractors,${STAFF}`;
export const OTHER = `OU=Other,${DOMAIN}`;
const USER_CLASSES = ['top', 'person', 'organizationalPerson', 'user'];

export function ntHashOf(objectGuid: string, version: number): Buffer {
  return createHash('md5').update(`${objectGuid}/${version}`).digest();
}

export function guidOf(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function anchorOf(guid: string): string {
  return Buffer.from(guid.replace(/-/g, ''), 'hex').toString('base64');
}

export class FakeDirectory {
  readonly data: DirectoryData;

  constructor(data: DirectoryData = { usn: 0, objects: [] }) {
    this.data = data;
  }

  static fromJSON(text: string): FakeDirectory {
    return new FakeDirectory(JSON.parse(text) as DirectoryData);
  }

  toJSON(): DirectoryData {
    return this.data;
  }

  get(guid: string): FakeObject {
    const found = this.data.objects.find((o) => o.objectGuid === guid);
    if (!found) throw new Error(`no object ${guid}`);
    return found;
  }

  byName(name: string): FakeObject | undefined {
    const n = name.toLowerCase();
    return this.data.objects.find(
      (o) => o.sam.toLowerCase() === n || o.upn?.toLowerCase() === n || o.dn.toLowerCase() === n,
    );
  }

  #stamp(): { usn: number; at: string } {
    this.data.usn++;
    return { usn: this.data.usn, at: new Date(Date.UTC(2024, 0, 1) + this.data.usn * 1000).toISOString() };
  }

  addUser(sam: string, ou = STAFF, extra: Partial<FakeObject> = {}): FakeObject {
    const { usn, at } = this.#stamp();
    const object: FakeObject = {
      objectGuid: guidOf(this.data.objects.length + 1),
      sam,
      upn: `${sam}@lab.example.test`,
      dn: `CN=${sam},${ou}`,
      classes: USER_CLASSES,
      uac: 0x200,
      passwordVersion: 1,
      passwordChangedAt: at,
      mustChange: false,
      usn,
      ...extra,
    };
    this.data.objects.push(object);
    return object;
  }

  setPassword(guid: string, options: { mustChange?: boolean } = {}): void {
    const o = this.get(guid);
    const { usn, at } = this.#stamp();
    o.passwordVersion = (o.passwordVersion ?? 0) + 1;
    o.passwordChangedAt = at;
    o.mustChange = options.mustChange ?? false;
    o.usn = usn;
  }

  move(guid: string, ou: string): void {
    const o = this.get(guid);
    o.dn = `CN=${o.sam},${ou}`;
    o.usn = this.#stamp().usn;
  }

  setAnchor(guid: string, anchor: string): void {
    const o = this.get(guid);
    o.anchor = anchor;
    o.usn = this.#stamp().usn;
  }

  remove(guid: string): void {
    const o = this.get(guid);
    o.deleted = true;
    o.usn = this.#stamp().usn;
  }

  /** The current NT hash of an object (a fresh buffer), or null. */
  currentHash(guid: string): Buffer | null {
    const o = this.get(guid);
    return o.passwordVersion === null ? null : ntHashOf(o.objectGuid, o.passwordVersion);
  }
}

/** A directory like a small company's: in scope, excluded, out of scope, non-users, edge cases. */
export function sampleDirectory(users = 20): FakeDirectory {
  const d = new FakeDirectory();
  for (let i = 0; i < users; i++) d.addUser(`user${i}`);
  d.addUser('contractor1', CONTRACTORS);
  d.addUser('other1', OTHER);
  d.addUser('nopass', STAFF, { passwordVersion: null, passwordChangedAt: null });
  d.addUser('mustchange', STAFF, { mustChange: true });
  d.addUser('disabled', STAFF, { uac: 0x202 });
  d.addUser('krbtgt', STAFF);
  d.addUser('PC1$', STAFF, { classes: [...USER_CLASSES, 'computer'], upn: null });
  d.addUser('inet1', STAFF, { classes: [...USER_CLASSES, 'inetOrgPerson'] });
  d.addUser('TRUST$', STAFF, { uac: 0x800 });
  return d;
}
