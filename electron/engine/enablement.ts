/**
 * Enable and disable. Enabling switches on the tenant's directory synchronization and
 * passwordSyncEnabled when they are off (not in staging mode: a staging server changes nothing
 * in the tenant), then records "enabled"; the next cycle runs a full sync when nothing was
 * synchronised yet (or when asked), else a delta from the kept cursor. Disabling is recorded
 * first (deliveries stop), and clears passwordSyncEnabled only when the admin confirmed it.
 */
import type { SyncOp } from './records.ts';
import { cursorKey, cursorRecord, freshFull, planPass } from './cursor-plan.ts';
import type { CycleDeps } from './cycle.ts';
import { EventId } from './event-ids.ts';
import type { TenantControl } from './ports.ts';

export interface EnableResult {
  readonly directorySyncSet: boolean;
  readonly passwordSyncSet: boolean;
  /** What the next cycle runs. */
  readonly next: 'full' | 'delta';
}

export interface DisableResult {
  readonly passwordSyncCleared: boolean;
}

export async function enableOps(
  deps: CycleDeps,
  tenant: TenantControl,
  fullSync: boolean,
  signal: AbortSignal,
): Promise<{ ops: SyncOp[]; result: EnableResult }> {
  const { recorder, clock, settings, scope } = deps;
  const ops: SyncOp[] = [];
  let directorySyncSet = false;
  let passwordSyncSet = false;
  if (!settings.stagingMode) {
    const current = await tenant.readSettings(signal);
    if (!current.directorySyncEnabled) {
      await tenant.setDirectorySync(true, signal);
      directorySyncSet = true;
      ops.push(
        recorder.event(
          EventId.TenantDirectorySyncSet,
          'Switched on directory synchronization (onPremisesSyncEnabled) in the tenant.',
        ),
      );
    }
    if (!current.features.passwordSyncEnabled) {
      await tenant.setFeatures({ passwordSyncEnabled: true }, signal);
      passwordSyncSet = true;
      ops.push(recorder.event(EventId.TenantPasswordSyncSet, 'Set passwordSyncEnabled in the tenant.'));
    }
  }
  const now = clock.now();
  ops.push({
    op: 'settings',
    settings: { ...recorder.state.settings, enabled: true, changedAt: new Date(now).toISOString() },
  });
  ops.push(
    recorder.event(
      EventId.Enabled,
      `Password hash sync was enabled${settings.stagingMode ? ' in staging mode (nothing is delivered)' : ''}.`,
      { staging: settings.stagingMode },
    ),
  );
  const key = cursorKey(deps.source.id, settings.stagingMode);
  const saved = recorder.state.cursors.get(key);
  const passId = `enable-${now}`;
  const plan = planPass(fullSync ? 'full' : 'delta', saved, scope.key, passId);
  // A full sync asked for is recorded now, so a restart before it ran still runs it.
  if (fullSync && plan.kind === 'full' && plan.fresh !== null) {
    ops.push({
      op: 'cursor',
      key,
      cursor: cursorRecord(freshFull(passId, 'requested'), null, scope.key, now),
    });
    ops.push(
      recorder.event(EventId.FullSyncRequired, 'A full password sync was asked for with enable.', {
        reason: 'requested',
      }),
    );
  }
  return { ops, result: { directorySyncSet, passwordSyncSet, next: plan.kind } };
}

export async function disableTenant(
  deps: CycleDeps,
  tenant: TenantControl,
  confirmed: boolean,
  signal: AbortSignal,
): Promise<DisableResult> {
  if (!confirmed || deps.settings.stagingMode) return { passwordSyncCleared: false };
  await tenant.setFeatures({ passwordSyncEnabled: false }, signal);
  await deps.recorder.note(
    EventId.TenantPasswordSyncCleared,
    'Cleared passwordSyncEnabled in the tenant, as confirmed by the administrator.',
  );
  return { passwordSyncCleared: true };
}
