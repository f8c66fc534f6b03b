import { describe, expect, it } from 'vitest';
import { classify, instant } from '../../../electron/verify/classify.ts';
import { DEFAULT_POLICY, type VerifyPolicy } from '../../../electron/verify/model.ts';
import { T, cloud, iso, onPrem } from './fixtures.ts';

const policy: VerifyPolicy = DEFAULT_POLICY; // grace 600 s, skew 120 s
const at = (ms: number) => ({ nowMs: ms });

describe('classify: one user from both ends', () => {
  it('inSync when the cloud time is at or after the on-premises change; the lag is the difference', () => {
    const v = classify(onPrem(), cloud(), policy, at(T + 3_600_000));
    expect(v).toEqual({
      sAMAccountName: 'alice',
      userPrincipalName: 'alice@example.test',
      sourceAnchor: 'QUxJQ0VBTkNIT1I9PT09PQ==',
      onPremisesChangedAt: iso(T),
      cloudChangedAt: iso(T + 30_000),
      lagSeconds: 30,
      status: 'inSync',
    });
  });

  it('pending within the grace period, behind past it, when the cloud holds an older change', () => {
    const older = cloud({ lastPasswordChangeDateTime: iso(T - 86_400_000) });
    expect(classify(onPrem(), older, policy, at(T + 599_000))).toMatchObject({ status: 'pending', lagSeconds: 599 });
    expect(classify(onPrem(), older, policy, at(T + 600_000))).toMatchObject({ status: 'behind', lagSeconds: 600 });
    expect(classify(onPrem(), older, { ...policy, graceSeconds: 0 }, at(T))).toMatchObject({ status: 'behind', lagSeconds: 0 });
    // Stamped a moment "in the future" by a DC clock slightly ahead: just changed.
    expect(classify(onPrem(), older, { ...policy, graceSeconds: 0 }, at(T - 800))).toMatchObject({ status: 'behind', lagSeconds: 0 });
    expect(classify(onPrem(), older, policy, at(T - 800))).toMatchObject({ status: 'pending', lagSeconds: 0 });
  });

  it('a null cloud time counts as older than any change: pending, then behind', () => {
    const none = cloud({ lastPasswordChangeDateTime: null });
    expect(classify(onPrem(), none, policy, at(T + 60_000))).toMatchObject({ status: 'pending', cloudChangedAt: null, lagSeconds: 60 });
    expect(classify(onPrem(), none, policy, at(T + 700_000))).toMatchObject({ status: 'behind', cloudChangedAt: null, lagSeconds: 700 });
  });

  it('tolerates the clock skew: a cloud time up to skew before the change is in sync, beyond it is not', () => {
    const early = (s: number) => cloud({ lastPasswordChangeDateTime: iso(T - s * 1000) });
    expect(classify(onPrem(), early(120), policy, at(T + 3_600_000))).toMatchObject({ status: 'inSync', lagSeconds: 0 });
    expect(classify(onPrem(), early(121), policy, at(T + 3_600_000))).toMatchObject({ status: 'behind' });
    expect(classify(onPrem(), early(1), { ...policy, skewSeconds: 0 }, at(T + 3_600_000))).toMatchObject({ status: 'behind' });
  });

  it('notInCloud when no cloud user has the anchor, or the one that has it is no longer synced', () => {
    expect(classify(onPrem(), undefined, policy, at(T + 5000))).toMatchObject({
      status: 'notInCloud', cloudChangedAt: null, lagSeconds: 5, sourceAnchor: 'QUxJQ0VBTkNIT1I9PT09PQ==',
    });
    expect(classify(onPrem(), cloud({ onPremisesSyncEnabled: false }), policy, at(T))).toMatchObject({ status: 'notInCloud' });
  });

  it('the sync rules come first: filtered and noPassword whatever the cloud says', () => {
    expect(classify(onPrem({ rule: 'filtered' }), undefined, policy, at(T))).toMatchObject({ status: 'filtered', lagSeconds: null });
    expect(classify(onPrem({ rule: 'noPassword', passwordChangedAt: null }), cloud(), policy, at(T))).toMatchObject({ status: 'noPassword' });
  });

  it('disabled on premises or in the cloud: not compared', () => {
    expect(classify(onPrem({ enabled: false }), undefined, policy, at(T))).toMatchObject({ status: 'disabled', lagSeconds: null });
    expect(classify(onPrem(), cloud({ accountEnabled: false }), policy, at(T))).toMatchObject({ status: 'disabled' });
  });

  it('"must change" users synced by the tenant feature have no on-premises time: any cloud time is in sync', () => {
    const mustChange = onPrem({ passwordChangedAt: null });
    expect(classify(mustChange, cloud(), policy, at(T))).toMatchObject({ status: 'inSync', lagSeconds: null });
    expect(classify(mustChange, cloud({ lastPasswordChangeDateTime: null }), policy, at(T))).toMatchObject({ status: 'behind', lagSeconds: null });
  });

  it("reports the cloud's UPN when matched, the on-premises one otherwise", () => {
    expect(classify(onPrem(), cloud({ userPrincipalName: 'alice@contoso.onmicrosoft.com' }), policy, at(T)).userPrincipalName).toBe('alice@contoso.onmicrosoft.com');
    expect(classify(onPrem({ userPrincipalName: null }), undefined, policy, at(T)).userPrincipalName).toBeNull();
  });

  it('instant: ISO to ms, null for null or garbage', () => {
    expect(instant('2026-12-01T12:00:00Z')).toBe(T);
    expect(instant(null)).toBeNull();
    expect(instant('yesterday')).toBeNull();
  });
});
