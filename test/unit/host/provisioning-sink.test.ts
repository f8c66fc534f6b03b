/**
 * The provisioning sink: the cloud UPN Entra Connect would give (own UPN, implicit UPN from the
 * domain's DNS name, the initial .onmicrosoft.com domain when the suffix is not verified); a user
 * the tenant refuses fails alone while the others are delivered; transient failures fail the batch.
 */
import { describe, expect, it } from 'vitest';
import {
  cloudUpnOf,
  DirectoryCatalog,
  provisioningSink,
  TENANT_DOMAINS_TTL_MS,
  type KnownUser,
  type TenantDomains,
} from '../../../electron/host/provisioning-sink.ts';
import type { CredentialItem, CredentialResult, CredentialSink } from '../../../electron/engine/ports.ts';
import type { SyncedUser } from '../../../electron/tenant/tenant-directory.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { dnsNameOfDn } from '../../../shared/dn.ts';

const TENANT: TenantDomains = {
  domains: [
    { name: 'contoso.onmicrosoft.com', isVerified: true },
    { name: 'Contoso.com', isVerified: true },
    { name: 'pending.example', isVerified: false },
  ],
  initialDomain: 'contoso.onmicrosoft.com',
};

const known = (over: Partial<KnownUser>): KnownUser => ({
  dn: 'CN=Ann,OU=Staff,DC=contoso,DC=com',
  userPrincipalName: 'ann@contoso.com',
  samAccountName: 'ann',
  enabled: true,
  ...over,
});

describe('the cloud UPN', () => {
  it.each([
    ['a verified suffix, kept', known({}), 'ann@contoso.com'],
    [
      'a subdomain of a verified domain, kept',
      known({ userPrincipalName: 'ann@EU.contoso.com' }),
      'ann@EU.contoso.com',
    ],
    [
      'an unverified suffix, initial domain',
      known({ userPrincipalName: 'ann@pending.example' }),
      'ann@contoso.onmicrosoft.com',
    ],
    [
      'a suffix the tenant lacks, initial domain',
      known({ userPrincipalName: 'ann@corp.local' }),
      'ann@contoso.onmicrosoft.com',
    ],
    ['no UPN: sAMAccountName @ the domain DNS name', known({ userPrincipalName: null }), 'ann@contoso.com'],
    [
      'no UPN in an unverified domain: initial domain',
      known({ userPrincipalName: null, dn: 'CN=Ann,CN=Users,DC=corp,DC=local' }),
      'ann@contoso.onmicrosoft.com',
    ],
    [
      'no UPN, no DC= in the DN: initial domain',
      known({ userPrincipalName: null, dn: 'CN=Ann' }),
      'ann@contoso.onmicrosoft.com',
    ],
  ])('%s', (_what, user, expected) => {
    expect(cloudUpnOf(user, TENANT)).toBe(expected);
  });

  it('reads the DNS name from the DC= components, unescaped and lowercased', () => {
    expect(dnsNameOfDn('CN=x\\,y,OU=A,DC=Lab,DC=Example,DC=test')).toBe('lab.example.test');
    expect(dnsNameOfDn('CN=x,OU=A')).toBeNull();
  });
});

interface Harness {
  readonly sink: CredentialSink;
  readonly upserts: SyncedUser[];
  readonly delivered: string[][];
  domainReads: number;
  clock: number;
}

function item(anchor: string): CredentialItem {
  return {
    sourceAnchor: anchor,
    credentialData: 'v1;PPH1_MD4,aa,1000,bb;',
    forceChangePasswordOnLogon: false,
    changeDate: '2026-01-01T00:00:00Z',
  };
}

function setup(options: {
  readonly refuse?: (u: SyncedUser) => Error | undefined;
  readonly answer?: (items: readonly CredentialItem[], call: number) => CredentialResult[];
  readonly domains?: () => Promise<TenantDomains>;
}): Harness {
  const catalog = new DirectoryCatalog();
  for (const name of ['ann', 'bob', 'cid'])
    catalog.remember(name, known({ userPrincipalName: `${name}@contoso.com`, samAccountName: name }));
  const h: Harness = {
    upserts: [],
    delivered: [],
    domainReads: 0,
    clock: 0,
    sink: undefined as unknown as CredentialSink,
  };
  const inner: CredentialSink = {
    maxBatchSize: 100,
    deliver: async (items) => {
      h.delivered.push(items.map((i) => i.sourceAnchor));
      return (
        options.answer?.(items, h.delivered.length) ??
        items.map((i) => ({ sourceAnchor: i.sourceAnchor, outcome: 'success', code: 0 }))
      );
    },
  };
  (h as { sink: CredentialSink }).sink = provisioningSink(inner, catalog, {
    upsert: async (u) => {
      h.upserts.push(u);
      const error = options.refuse?.(u);
      if (error !== undefined) throw error;
      return 'created';
    },
    tenantDomains:
      options.domains ??
      (async () => {
        h.domainReads++;
        return TENANT;
      }),
    now: () => h.clock,
  });
  return h;
}

describe('the provisioning sink', () => {
  it('lets a user the tenant refuses fail alone, with its reason, and delivers the others', async () => {
    const h = setup({
      refuse: (u) =>
        u.sourceAnchor === 'bob'
          ? new AppError(
              ErrorCode.TenantRequestFailed,
              'HTTP 400: Another object with the same userPrincipalName exists.',
              'Fix it.',
            )
          : undefined,
    });
    const results = await h.sink.deliver(['ann', 'bob', 'cid'].map(item));
    expect(h.delivered).toEqual([['ann', 'cid']]);
    expect(results.map((r) => [r.sourceAnchor, r.outcome])).toEqual([
      ['ann', 'success'],
      ['bob', 'failed'],
      ['cid', 'success'],
    ]);
    expect(results[1]!.message).toBe(
      'The tenant did not create or update the cloud user bob@contoso.com: HTTP 400: Another object with the same userPrincipalName exists.',
    );
    // A refused user is tried again in the next batch; the provisioned ones are not.
    await h.sink.deliver(['ann', 'bob'].map(item));
    expect(h.upserts.map((u) => u.sourceAnchor)).toEqual(['ann', 'bob', 'cid', 'bob']);
  });

  it('sends nothing when every user of the batch is refused', async () => {
    const h = setup({ refuse: () => new Error('HTTP 400') });
    const results = await h.sink.deliver(['ann', 'bob'].map(item));
    expect(h.delivered).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'failed']);
  });

  it('fails the whole batch on a transient failure, to be retried', async () => {
    const h = setup({
      refuse: (u) =>
        u.sourceAnchor === 'cid' ? new AppError(ErrorCode.TenantThrottled, 'HTTP 429', 'Wait.') : undefined,
    });
    await expect(h.sink.deliver(['ann', 'cid'].map(item))).rejects.toMatchObject({
      code: 'TENANT_THROTTLED',
    });
    expect(h.delivered).toEqual([]);
  });

  it('reads the tenant domains once, again after their time to live, and again after a failed read', async () => {
    const h = setup({});
    await h.sink.deliver([item('ann')]);
    await h.sink.deliver([item('bob')]);
    expect(h.domainReads).toBe(1);
    h.clock += TENANT_DOMAINS_TTL_MS + 1;
    await h.sink.deliver([item('cid')]);
    expect(h.domainReads).toBe(2);

    let calls = 0;
    const flaky = setup({
      domains: async () => {
        calls++;
        if (calls === 1) throw new AppError(ErrorCode.TenantUnavailable, 'HTTP 503', 'Wait.');
        return TENANT;
      },
    });
    await expect(flaky.sink.deliver([item('ann')])).rejects.toMatchObject({ code: 'TENANT_UNAVAILABLE' });
    await expect(flaky.sink.deliver([item('ann')])).resolves.toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('creates a user the service does not know again, and sends its credential once more', async () => {
    const h = setup({
      answer: (items, call) =>
        items.map((i) => ({
          sourceAnchor: i.sourceAnchor,
          outcome: call === 1 && i.sourceAnchor === 'bob' ? 'unknownUser' : 'success',
          code: 0,
        })),
    });
    const results = await h.sink.deliver(['ann', 'bob'].map(item));
    expect(results.map((r) => r.outcome)).toEqual(['success', 'success']);
    expect(h.delivered).toEqual([['ann', 'bob'], ['bob']]);
    expect(h.upserts.map((u) => u.sourceAnchor)).toEqual(['ann', 'bob', 'bob']);
  });

  it('refuses a credential service that answers the wrong number of results', async () => {
    const h = setup({ answer: () => [] });
    await expect(h.sink.deliver([item('ann')])).rejects.toThrow('answered 0 results for 1 items');
  });
});
