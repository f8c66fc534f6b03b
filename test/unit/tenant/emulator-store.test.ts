import { beforeAll, describe, expect, it } from 'vitest';
import { seedState, type EmulatorUser, type TenantState } from '../../lab/tenant/state.ts';
import { TenantStore } from '../../lab/tenant/store.ts';

let seeded: TenantState;
beforeAll(async () => {
  seeded = await seedState({});
});

function synced(anchor: string, upn: string): EmulatorUser {
  return {
    id: `id-${anchor}`,
    userPrincipalName: upn,
    displayName: upn,
    roles: [],
    cloudPassword: null,
    onPremisesImmutableId: anchor,
    accountEnabled: true,
    mfaRequired: false,
    credential: null,
  };
}

describe("the emulator's user lookups (indexed for 100,000-user benchmarks)", () => {
  it('finds users appended to the list after earlier lookups, by anchor and by UPN in any case', () => {
    const store = new TenantStore(structuredClone(seeded), undefined);
    expect(store.userByUpn('ADMIN@phsemulator.onmicrosoft.com')?.roles.length).toBe(1);
    expect(store.userByAnchor('a1')).toBeUndefined();
    store.state.users.push(synced('a1', 'One@lab.example.test'));
    expect(store.userByAnchor('a1')?.userPrincipalName).toBe('One@lab.example.test');
    expect(store.userByUpn(' one@LAB.example.test ')?.onPremisesImmutableId).toBe('a1');
  });

  it('answers the first user with a key, as a scan of the list would', () => {
    const store = new TenantStore(structuredClone(seeded), undefined);
    store.state.users.push(synced('dup', 'first@lab.example.test'), synced('dup', 'second@lab.example.test'));
    expect(store.userByAnchor('dup')?.userPrincipalName).toBe('first@lab.example.test');
  });

  it('follows a UPN changed through updateUser: the old name is free, the new one found', () => {
    const store = new TenantStore(structuredClone(seeded), undefined);
    store.state.users.push(synced('a2', 'old@lab.example.test'));
    const user = store.userByAnchor('a2')!;
    store.updateUser(user, { userPrincipalName: 'new@lab.example.test', displayName: 'New' });
    expect(store.userByUpn('old@lab.example.test')).toBeUndefined();
    expect(store.userByUpn('new@lab.example.test')).toBe(user);
    expect(store.userByAnchor('a2')?.displayName).toBe('New');
  });

  it('never answers a user whose key no longer matches, even when changed behind its back', () => {
    const store = new TenantStore(structuredClone(seeded), undefined);
    store.state.users.push(synced('a3', 'three@lab.example.test'), synced('a4', 'four@lab.example.test'));
    expect(store.userByUpn('three@lab.example.test')?.onPremisesImmutableId).toBe('a3');
    store.state.users[store.state.users.length - 2]!.userPrincipalName = 'four@lab.example.test';
    expect(store.userByUpn('three@lab.example.test')).toBeUndefined();
    expect(store.userByUpn('four@lab.example.test')?.onPremisesImmutableId).toBe('a3');
  });
});
