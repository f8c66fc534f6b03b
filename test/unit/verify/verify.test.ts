import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import type { CloudUser, OnPremUser } from '../../../electron/verify/model.ts';
import type { CloudEnd, OnPremisesEnd } from '../../../electron/verify/ports.ts';
import { needsAttention } from '../../../electron/verify/report.ts';
import { verify } from '../../../electron/verify/verify.ts';
import { T, cloud, iso, onPrem } from './fixtures.ts';

function ends(users: OnPremUser[], cloudUsers: CloudUser[], dcTime: string | null = iso(T + 3_600_000)) {
  const onPremEnd: OnPremisesEnd = {
    dcTime: async () => dcTime,
    async *users() {
      yield* users;
    },
  };
  const cloudEnd: CloudEnd = {
    users: async () => cloudUsers,
    heartbeat: async () => ({ onPremisesLastSyncDateTime: iso(T), onPremisesLastPasswordSyncDateTime: null }),
  };
  return [onPremEnd, cloudEnd] as const;
}

const options = { graceSeconds: 600, skewSeconds: 120, forceChangeFeature: false, now: () => T + 3_600_000 };

describe('verify: every in-scope user from both ends', () => {
  it('matches by source anchor, counts each status and says whether anyone needs attention', async () => {
    const [o, c] = ends(
      [
        onPrem(),
        onPrem({ sAMAccountName: 'bob', sourceAnchors: ['Qk9C'] }),
        onPrem({ sAMAccountName: 'carol', sourceAnchors: ['Q0FST0w='] }),
        onPrem({ sAMAccountName: 'dave', sourceAnchors: ['REFWRQ=='], rule: 'noPassword', passwordChangedAt: null }),
      ],
      [cloud(), cloud({ id: 'b', userPrincipalName: 'bob@example.test', onPremisesImmutableId: 'Qk9C', lastPasswordChangeDateTime: null })],
    );
    const report = await verify(o, c, options);
    expect(report.users.map((u) => [u.sAMAccountName, u.status])).toEqual([
      ['alice', 'inSync'],
      ['bob', 'behind'],
      ['carol', 'notInCloud'],
      ['dave', 'noPassword'],
    ]);
    expect(report.summary).toMatchObject({
      checkedAt: iso(T + 3_600_000),
      total: 4,
      counts: { inSync: 1, pending: 0, behind: 1, notInCloud: 1, noPassword: 1, disabled: 0, filtered: 0 },
      dcClock: { offsetSeconds: 0, withinSkew: true },
      heartbeat: { onPremisesLastSyncDateTime: iso(T), onPremisesLastPasswordSyncDateTime: null },
      forceChangeFeature: false,
    });
    expect(needsAttention(report.summary.counts)).toBe(true);
  });

  it('prefers the first anchor that a cloud user carries (mS-DS-ConsistencyGuid before objectGUID)', async () => {
    const user = onPrem({ sourceAnchors: ['Q09OU0lTVEVOQ1k=', 'QUxJQ0VBTkNIT1I9PT09PQ=='] });
    const [o, c] = ends([user], [cloud()]);
    expect((await verify(o, c, options)).users[0]).toMatchObject({ status: 'inSync', sourceAnchor: 'QUxJQ0VBTkNIT1I9PT09PQ==' });
  });

  it('takes "now" on the DC clock and reports an offset beyond the tolerance', async () => {
    // The DC runs 15 min slow: its change stamped T is 45 min old on its own clock, not 60. Its
    // currentTime has 1 s resolution, so the offset known for sure is 899 s.
    const [o, c] = ends([onPrem()], [cloud({ lastPasswordChangeDateTime: null })], iso(T + 3_600_000 - 900_000));
    const report = await verify(o, c, { ...options, graceSeconds: 3_600 });
    expect(report.summary.dcClock).toEqual({ dcTime: iso(T + 2_700_000), offsetSeconds: -899, withinSkew: false });
    expect(report.users[0]).toMatchObject({ status: 'pending', lagSeconds: 2_701 });
  });

  it('a DC that does not tell its time: no clock, no correction', async () => {
    const [o, c] = ends([onPrem()], [cloud()], null);
    expect((await verify(o, c, options)).summary.dcClock).toBeNull();
  });

  it('--user keeps one user by sAMAccountName or UPN, and names the error when none matches', async () => {
    const [o, c] = ends([onPrem(), onPrem({ sAMAccountName: 'bob', userPrincipalName: 'Bob@Example.test' })], [cloud()]);
    expect((await verify(o, c, { ...options, user: 'ALICE' })).users.map((u) => u.sAMAccountName)).toEqual(['alice']);
    expect((await verify(o, c, { ...options, user: 'bob@example.test' })).users.map((u) => u.sAMAccountName)).toEqual(['bob']);
    await expect(verify(o, c, { ...options, user: 'zed' })).rejects.toMatchObject({ code: ErrorCode.UserNotFound });
  });

  it('nobody behind or missing: no attention needed, even with pending, disabled and filtered users', async () => {
    const [o, c] = ends(
      [onPrem({ enabled: false }), onPrem({ sAMAccountName: 'f', rule: 'filtered' })],
      [],
    );
    const report = await verify(o, c, options);
    expect(needsAttention(report.summary.counts)).toBe(false);
  });
});

describe('dcClockOf: the DC clock read at one-second resolution', () => {
  it('is in step while the DC second may contain this machine\'s reading, and names the least offset otherwise', async () => {
    const { dcClockOf } = await import('../../../electron/verify/report.ts');
    const at = Date.parse('2026-12-04T17:14:13.000Z');
    // The DC says 17:14:13 (it may be 17:14:13.999); this machine read at 17:14:13.600–.700.
    expect(dcClockOf('2026-12-04T17:14:13.000Z', { before: at + 600, after: at + 700 }, 120)).toMatchObject({ offsetSeconds: 0 });
    expect(dcClockOf('2026-12-04T17:14:13.000Z', { before: at + 1400, after: at + 1500 }, 120)).toMatchObject({ offsetSeconds: 0 });
    expect(dcClockOf('2026-12-04T17:14:13.000Z', { before: at + 3500, after: at + 3600 }, 120)).toMatchObject({ offsetSeconds: -2 });
    expect(dcClockOf('2026-12-04T17:19:13.000Z', { before: at, after: at + 100 }, 120)).toMatchObject({ offsetSeconds: 299, withinSkew: false });
    expect(dcClockOf(null, { before: at, after: at }, 120)).toBeNull();
    expect(dcClockOf('garbage', { before: at, after: at }, 120)).toBeNull();
  });
});
