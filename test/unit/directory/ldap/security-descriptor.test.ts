import { describe, expect, it } from 'vitest';
import { AceFlag, AceType } from '../../../../electron/directory/ldap/sd/ace.ts';
import {
  SecurityDescriptorError,
  parseSecurityDescriptor,
} from '../../../../electron/directory/ldap/sd/security-descriptor.ts';
import { REPLICATING_DIRECTORY_CHANGES } from '../../../../electron/directory/ldap/rights.ts';
import { LAB_DOMAIN_SID, SDDL_ALIASES, fixture, fixtureText, sddlParts } from './fixtures.ts';
import { sdBytes, sddlAce } from './sd-builder.ts';

const USER = `${LAB_DOMAIN_SID}-1114`;
const USER_CLASS = 'bf967aba-0de6-11d0-a285-00aa003049e2';

function failure(buffer: Buffer): unknown {
  try {
    parseSecurityDescriptor(buffer);
    return null;
  } catch (error) {
    return error;
  }
}

describe('parseSecurityDescriptor on hand-built descriptors', () => {
  it('reads owner, group, standard and object ACEs with both GUIDs, flags and masks', () => {
    const sd = parseSecurityDescriptor(
      sdBytes({
        owner: 'S-1-5-32-544',
        group: `${LAB_DOMAIN_SID}-513`,
        dacl: [
          { type: AceType.AccessDenied, mask: 0x100, sid: USER },
          {
            type: AceType.AccessAllowedObject,
            flags: AceFlag.ContainerInherit | AceFlag.InheritOnly,
            mask: 0x100,
            sid: USER,
            objectType: REPLICATING_DIRECTORY_CHANGES,
            inheritedObjectType: USER_CLASS,
          },
          { type: AceType.AccessAllowedObject, mask: 0x10, sid: 'S-1-5-11', inheritedObjectType: USER_CLASS },
          { type: AceType.AccessAllowed, flags: AceFlag.Inherited, mask: 0x000f01ff, sid: 'S-1-5-18' },
        ],
      }),
    );
    expect(sd.owner).toBe('S-1-5-32-544');
    expect(sd.group).toBe(`${LAB_DOMAIN_SID}-513`);
    expect(sd.sacl).toBeNull();
    expect(sd.dacl?.aces).toEqual([
      { kind: 'standard', type: 1, flags: 0, mask: 0x100, sid: USER },
      {
        kind: 'object',
        type: 5,
        flags: 0x0a,
        mask: 0x100,
        objectType: REPLICATING_DIRECTORY_CHANGES,
        inheritedObjectType: USER_CLASS,
        sid: USER,
      },
      {
        kind: 'object',
        type: 5,
        flags: 0,
        mask: 0x10,
        objectType: null,
        inheritedObjectType: USER_CLASS,
        sid: 'S-1-5-11',
      },
      { kind: 'standard', type: 0, flags: 0x10, mask: 0x000f01ff, sid: 'S-1-5-18' },
    ]);
  });

  it('reports a NULL DACL and an absent DACL both as null, and an empty DACL as no ACEs', () => {
    expect(parseSecurityDescriptor(sdBytes({ owner: 'S-1-5-18', dacl: null })).dacl).toBeNull();
    expect(parseSecurityDescriptor(sdBytes({ owner: 'S-1-5-18' })).dacl).toBeNull();
    expect(parseSecurityDescriptor(sdBytes({ dacl: [] })).dacl).toEqual({ revision: 4, aces: [] });
  });

  it('keeps ACE types it does not interpret as unknown, with their size', () => {
    const buffer = sdBytes({ dacl: [{ type: AceType.AccessAllowed, mask: 1, sid: 'S-1-1-0' }] });
    buffer.writeUInt8(0x04, 20 + 8); // ACCESS_ALLOWED_COMPOUND_ACE_TYPE
    expect(parseSecurityDescriptor(buffer).dacl?.aces).toEqual([
      { kind: 'unknown', type: 4, flags: 0, size: 20 },
    ]);
  });

  it('renders SIDs with a 48-bit authority in hex, as MS-DTYP says', () => {
    const sd = parseSecurityDescriptor(sdBytes({ owner: 'S-1-0x0000FFFFFFFF-1' }));
    expect(sd.owner).toBe('S-1-4294967295-1');
    const big = parseSecurityDescriptor(sdBytes({ owner: 'S-1-0x010000000000-7' }));
    expect(big.owner).toBe('S-1-0x010000000000-7');
  });
});

describe('parseSecurityDescriptor on descriptors captured from the lab DC', () => {
  it('decodes the domain head DACL exactly as samba-tool does, ACE by ACE', () => {
    const sd = parseSecurityDescriptor(fixture('domain-head-dacl.sd'));
    const expected = sddlParts(fixtureText('domain-head.sddl'));
    expect(sd.owner).toBeNull();
    expect(sd.dacl?.aces.map((ace) => sddlAce(ace, SDDL_ALIASES))).toEqual(expected.dacl);
    expect(expected.dacl.length).toBeGreaterThan(40);
  });

  it('decodes a user object with owner, group, DACL and SACL exactly as samba-tool does', () => {
    const sd = parseSecurityDescriptor(fixture('user-full.sd'));
    const expected = sddlParts(fixtureText('user-full.sddl'));
    expect(SDDL_ALIASES.get(sd.owner ?? '')).toBe(expected.owner);
    expect(SDDL_ALIASES.get(sd.group ?? '')).toBe(expected.group);
    expect(sd.dacl?.aces.map((ace) => sddlAce(ace, SDDL_ALIASES))).toEqual(expected.dacl);
    expect(sd.sacl?.aces.map((ace) => sddlAce(ace, SDDL_ALIASES))).toEqual(expected.sacl);
  });
});

describe('parseSecurityDescriptor on malformed input throws only SecurityDescriptorError', () => {
  const real = fixture('user-full.sd');

  it('rejects every truncation of a real descriptor', () => {
    for (let length = 0; length < real.length; length++) {
      expect(failure(real.subarray(0, length)), `length ${length}`).toBeInstanceOf(SecurityDescriptorError);
    }
  });

  it('rejects offsets that point outside the buffer or into the header', () => {
    for (const field of [4, 8, 12, 16]) {
      for (const offset of [1, 19, real.length, real.length + 100, 0xffffffff]) {
        const bad = Buffer.from(real);
        bad.writeUInt32LE(offset, field);
        const error = failure(bad);
        expect(error, `field ${field} offset ${offset}`).toBeInstanceOf(SecurityDescriptorError);
      }
    }
  });

  it('rejects absurd ACE counts before walking them', () => {
    const good = sdBytes({ dacl: [{ type: 0, mask: 1, sid: 'S-1-1-0' }] });
    for (const count of [2, 100, 0xffff]) {
      const bad = Buffer.from(good);
      bad.writeUInt16LE(count, 20 + 4);
      const error = failure(bad);
      expect(error).toBeInstanceOf(SecurityDescriptorError);
      expect((error as Error).message).toMatch(/claims \d+ ACEs|runs past/);
    }
  });

  it('rejects ACE sizes that are zero, unaligned, or larger than the ACL', () => {
    const good = sdBytes({ dacl: [{ type: 0, mask: 1, sid: 'S-1-1-0' }] });
    for (const size of [0, 4, 13, 24, 0xfffc]) {
      const bad = Buffer.from(good);
      bad.writeUInt16LE(size, 20 + 8 + 2);
      expect(failure(bad), `ACE size ${size}`).toBeInstanceOf(SecurityDescriptorError);
    }
  });

  it('rejects a SID with too many sub-authorities, or one that overruns its ACE', () => {
    const good = sdBytes({ dacl: [{ type: 0, mask: 1, sid: 'S-1-5-32-544' }] });
    for (const count of [3, 16, 255]) {
      const bad = Buffer.from(good);
      bad.writeUInt8(count, 20 + 8 + 8 + 1);
      expect(failure(bad), `count ${count}`).toBeInstanceOf(SecurityDescriptorError);
    }
  });

  it('rejects a wrong revision, a non-self-relative descriptor and an oversized buffer', () => {
    const revision = Buffer.from(real);
    revision.writeUInt8(2, 0);
    const absolute = Buffer.from(real);
    absolute.writeUInt16LE(absolute.readUInt16LE(2) & 0x7fff, 2);
    for (const bad of [revision, absolute, Buffer.alloc(0), Buffer.alloc((1 << 20) + 1)]) {
      expect(failure(bad)).toBeInstanceOf(SecurityDescriptorError);
    }
  });

  it('names the problem and carries the stable error code', () => {
    const error = failure(real.subarray(0, 10)) as SecurityDescriptorError;
    expect(error.code).toBe('SECURITY_DESCRIPTOR_MALFORMED');
    expect(error.message).toMatch(/^The security descriptor is malformed: /);
    expect(error.remediation).not.toBe('');
  });
});
