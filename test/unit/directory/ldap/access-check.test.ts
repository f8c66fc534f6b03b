import { describe, expect, it } from 'vitest';
import { AUTHENTICATED_USERS_SID, EVERYONE_SID } from '../../../../electron/directory/ldap/account.ts';
import {
  REPLICATING_DIRECTORY_CHANGES as RDC,
  REPLICATING_DIRECTORY_CHANGES_ALL as RDC_ALL,
  evaluateReplicationRights,
} from '../../../../electron/directory/ldap/rights.ts';
import { AceFlag, AceType } from '../../../../electron/directory/ldap/sd/ace.ts';
import { checkControlAccess } from '../../../../electron/directory/ldap/sd/access-check.ts';
import { parseSecurityDescriptor } from '../../../../electron/directory/ldap/sd/security-descriptor.ts';
import { LAB_DOMAIN_SID, fixture } from './fixtures.ts';
import { sdBytes, type AceSpec } from './sd-builder.ts';

const ME = `${LAB_DOMAIN_SID}-1200`;
const MY_GROUP = `${LAB_DOMAIN_SID}-1201`;
const OTHER = `${LAB_DOMAIN_SID}-1300`;
const token = new Set([ME, MY_GROUP, EVERYONE_SID, AUTHENTICATED_USERS_SID]);
const PROPERTY_SET = '4c164200-20c0-11d0-a768-00aa006e0529';

const check = (aces: readonly AceSpec[], right = RDC) =>
  checkControlAccess(parseSecurityDescriptor(sdBytes({ dacl: aces })), token, right);
const allow = (sid: string, objectType?: string, mask = 0x100): AceSpec => ({
  type: AceType.AccessAllowedObject,
  mask,
  sid,
  ...(objectType ? { objectType } : {}),
});
const deny = (sid: string, objectType?: string, mask = 0x100): AceSpec => ({
  type: AceType.AccessDeniedObject,
  mask,
  sid,
  ...(objectType ? { objectType } : {}),
});

describe('checkControlAccess', () => {
  it('grants a right through an object ACE naming its GUID, for the account or one of its groups', () => {
    expect(check([allow(ME, RDC)])).toEqual({ granted: true, via: 'explicit', aceIndex: 0 });
    expect(check([allow(OTHER, RDC), allow(MY_GROUP, RDC)])).toEqual({
      granted: true,
      via: 'explicit',
      aceIndex: 1,
    });
  });

  it("does not grant through another right's GUID, another SID, or a mask without control access", () => {
    expect(check([allow(ME, RDC_ALL)])).toEqual({ granted: false, reason: 'notGranted' });
    expect(check([allow(OTHER, RDC)])).toEqual({ granted: false, reason: 'notGranted' });
    expect(check([allow(ME, RDC, 0x10 | 0x20)])).toEqual({ granted: false, reason: 'notGranted' });
    expect(check([allow(ME, PROPERTY_SET)])).toEqual({ granted: false, reason: 'notGranted' });
  });

  it('grants through "all extended rights" (CR without an object type) and through full control', () => {
    expect(check([allow(ME)])).toEqual({ granted: true, via: 'allExtendedRights', aceIndex: 0 });
    expect(check([{ type: AceType.AccessAllowed, mask: 0x100, sid: MY_GROUP }])).toEqual({
      granted: true,
      via: 'allExtendedRights',
      aceIndex: 0,
    });
    expect(check([{ type: AceType.AccessAllowed, mask: 0x000f01ff, sid: ME }])).toEqual({
      granted: true,
      via: 'genericAll',
      aceIndex: 0,
    });
    expect(check([{ type: AceType.AccessAllowed, mask: 0x10000000, sid: EVERYONE_SID }])).toEqual({
      granted: true,
      via: 'genericAll',
      aceIndex: 0,
    });
  });

  it('walks the ACL in order: a deny before an allow wins, an allow before a deny wins', () => {
    expect(check([deny(ME, RDC), allow(ME, RDC)])).toEqual({ granted: false, reason: 'denied', aceIndex: 0 });
    expect(check([deny(MY_GROUP), allow(ME, RDC)])).toEqual({
      granted: false,
      reason: 'denied',
      aceIndex: 0,
    });
    expect(
      check([{ type: AceType.AccessDenied, mask: 0x000f01ff, sid: AUTHENTICATED_USERS_SID }, allow(ME, RDC)]),
    ).toMatchObject({ granted: false, reason: 'denied' });
    expect(check([allow(ME, RDC), deny(ME, RDC)])).toEqual({ granted: true, via: 'explicit', aceIndex: 0 });
    expect(check([deny(ME, RDC_ALL), allow(ME, RDC)])).toEqual({
      granted: true,
      via: 'explicit',
      aceIndex: 1,
    });
  });

  it('ignores inherit-only ACEs, audit ACEs and callback ACEs for the object itself', () => {
    expect(check([{ ...allow(ME, RDC), flags: AceFlag.ContainerInherit | AceFlag.InheritOnly }])).toEqual({
      granted: false,
      reason: 'notGranted',
    });
    expect(check([{ ...deny(ME, RDC), flags: AceFlag.InheritOnly }, allow(ME, RDC)])).toEqual({
      granted: true,
      via: 'explicit',
      aceIndex: 1,
    });
    expect(
      check([{ type: AceType.SystemAuditObject, flags: 0x40, mask: 0x100, sid: ME, objectType: RDC }]),
    ).toEqual({ granted: false, reason: 'notGranted' });
    expect(
      check([{ type: AceType.AccessAllowedCallbackObject, mask: 0x100, sid: ME, objectType: RDC }]),
    ).toEqual({ granted: false, reason: 'notGranted' });
  });

  it('applies inherited ACEs (they are effective on the object) and compares GUIDs case-insensitively', () => {
    expect(check([{ ...allow(ME, RDC), flags: AceFlag.Inherited }], RDC.toUpperCase())).toEqual({
      granted: true,
      via: 'explicit',
      aceIndex: 0,
    });
  });

  it('treats a missing or NULL DACL as granting everything', () => {
    expect(checkControlAccess(parseSecurityDescriptor(sdBytes({ owner: ME })), token, RDC)).toEqual({
      granted: true,
      via: 'nullDacl',
      aceIndex: null,
    });
  });
});

describe('evaluateReplicationRights on the lab domain head DACL', () => {
  const sd = parseSecurityDescriptor(fixture('domain-head-dacl.sd'));
  const domainUsers = `${LAB_DOMAIN_SID}-513`;

  it('grants both rights to BUILTIN\\Administrators explicitly and to Domain Admins through all extended rights', () => {
    const admins = evaluateReplicationRights(sd, [
      `${LAB_DOMAIN_SID}-500`,
      `${LAB_DOMAIN_SID}-512`,
      'S-1-5-32-544',
      EVERYONE_SID,
    ]);
    expect(admins.replicatingDirectoryChanges).toMatchObject({ granted: true, via: 'explicit' });
    expect(admins.replicatingDirectoryChangesAll).toMatchObject({ granted: true, via: 'explicit' });
    const domainAdminsOnly = evaluateReplicationRights(sd, [`${LAB_DOMAIN_SID}-512`]);
    expect(domainAdminsOnly.replicatingDirectoryChangesAll).toMatchObject({
      granted: true,
      via: 'allExtendedRights',
    });
  });

  it('grants neither right to a plain domain user', () => {
    const plain = evaluateReplicationRights(sd, [
      ME,
      domainUsers,
      'S-1-5-32-545',
      EVERYONE_SID,
      AUTHENTICATED_USERS_SID,
    ]);
    expect(plain.replicatingDirectoryChanges.granted).toBe(false);
    expect(plain.replicatingDirectoryChangesAll.granted).toBe(false);
  });

  it('grants Read-only DCs only Replicating Directory Changes, and Domain Controllers only ...All', () => {
    const rodc = evaluateReplicationRights(sd, [`${LAB_DOMAIN_SID}-498`]);
    expect([rodc.replicatingDirectoryChanges.granted, rodc.replicatingDirectoryChangesAll.granted]).toEqual([
      true,
      false,
    ]);
    const dcs = evaluateReplicationRights(sd, [`${LAB_DOMAIN_SID}-516`]);
    expect([dcs.replicatingDirectoryChanges.granted, dcs.replicatingDirectoryChangesAll.granted]).toEqual([
      false,
      true,
    ]);
  });
});
