/**
 * At the start of a cycle: the tenant's features (cached). Refuses to deliver when
 * passwordSyncEnabled is off (staging mode delivers nothing, so it does not care), and when
 * userForcePasswordChangeOnLogonEnabled was switched on, queues the users filtered for
 * "must change password at next logon" to be checked again.
 */
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { SyncOp } from './records.ts';
import { EventId } from './event-ids.ts';
import type { Clock, SyncFeatures } from './ports.ts';
import type { Recorder } from './recorder.ts';
import type { EngineSettings } from './settings.ts';
import type { TenantSettingsCache } from './tenant-cache.ts';

export interface TenantCheckDeps {
  readonly tenant: TenantSettingsCache;
  readonly recorder: Recorder;
  readonly clock: Clock;
  readonly settings: EngineSettings;
}

export async function checkTenant(deps: TenantCheckDeps, signal: AbortSignal): Promise<SyncFeatures> {
  const { features } = await deps.tenant.get(signal);
  const { recorder } = deps;
  if (!deps.settings.stagingMode && !features.passwordSyncEnabled) {
    deps.tenant.invalidate();
    await recorder.note(
      EventId.PasswordSyncOffInTenant,
      'passwordSyncEnabled is off in the tenant: no password can be delivered.',
    );
    throw new AppError(
      ErrorCode.PasswordSyncOff,
      'Password hash synchronization is switched off in the tenant (passwordSyncEnabled).',
      'Enable it again (the Enable button or "phs enable"), or disable it here too.',
    );
  }
  const seen = recorder.state.settings.forceChangeFeature;
  const current = features.userForcePasswordChangeOnLogonEnabled;
  if (seen === current) return features;
  const ops: SyncOp[] = [
    { op: 'settings', settings: { ...recorder.state.settings, forceChangeFeature: current } },
  ];
  if (current) {
    const at = new Date(deps.clock.now()).toISOString();
    let count = 0;
    for (const user of recorder.state.users.values()) {
      if (user.result !== 'filtered' || user.reason !== 'mustChangePassword') continue;
      ops.push({ op: 'user', user: { ...user, nextRetryAt: at } });
      count++;
    }
    if (count > 0)
      ops.push(
        recorder.event(
          EventId.UsersFilteredRecheck,
          `${count} users filtered for "must change password at next logon" are checked again: the tenant now accepts forced changes.`,
          { count },
        ),
      );
  }
  await recorder.commit(ops);
  return features;
}
