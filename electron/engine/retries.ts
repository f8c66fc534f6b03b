/**
 * Users whose retry is due (a rejected credential with backoff, or a filtered user to check
 * again): re-read one by one from the directory — their hashes are never stored — oldest first,
 * at most `retriesPerCycle` per cycle. A user the directory no longer has is forgotten.
 */
import type { SyncOp, UserRecord } from './records.ts';
import type { Clock, ReplicationSource, SourceUser } from './ports.ts';
import type { Recorder } from './recorder.ts';
import type { EngineSettings } from './settings.ts';

export interface DueRetries {
  readonly users: SourceUser[];
  readonly forget: SyncOp[];
}

export function dueRecords(recorder: Recorder, now: number, limit: number): UserRecord[] {
  const due: UserRecord[] = [];
  for (const guid of recorder.state.retries) {
    const record = recorder.state.users.get(guid);
    if (record?.nextRetryAt != null && Date.parse(record.nextRetryAt) <= now) due.push(record);
  }
  return due.sort((a, b) => (a.nextRetryAt! < b.nextRetryAt! ? -1 : 1)).slice(0, limit);
}

export async function readDueRetries(
  deps: {
    readonly source: ReplicationSource;
    readonly recorder: Recorder;
    readonly clock: Clock;
    readonly settings: EngineSettings;
  },
  signal: AbortSignal,
): Promise<DueRetries> {
  const users: SourceUser[] = [];
  const forget: SyncOp[] = [];
  try {
    for (const record of dueRecords(deps.recorder, deps.clock.now(), deps.settings.retriesPerCycle)) {
      const user = await deps.source.readUser(
        { by: 'objectGuid', value: record.objectGuid, lastKnownDn: record.dn },
        signal,
      );
      if (user) users.push(user);
      else forget.push({ op: 'forget', objectGuid: record.objectGuid });
    }
  } catch (error) {
    for (const user of users) user.ntHash?.fill(0);
    throw error;
  }
  return { users, forget };
}
