/** The files a crash-test run shares between the parent test and the engine child process. */
import { join } from 'node:path';

export interface SinkConfig {
  /** Source anchors the sink always rejects (unknownUser). */
  readonly poison: readonly string[];
  /** Every Nth request is answered "throttled" for all its items; 0 = never. */
  readonly throttleEvery: number;
  /** Every Nth request fails as a whole with TENANT_UNAVAILABLE; 0 = never. */
  readonly unavailableEvery: number;
}

/** One acknowledged credential, as the fake sink writes it (one JSON line, fsync'ed before replying). */
export interface AckLine {
  readonly a: string;
  readonly w: string;
  readonly d: string;
  readonly f: boolean;
}

export function crashFiles(work: string) {
  return {
    directory: join(work, 'directory.json'),
    sink: join(work, 'sink.json'),
    acked: join(work, 'acked.log'),
    state: join(work, 'state'),
  };
}

export const SCOPE = {
  includeOUs: ['OU=Staff,DC=lab,DC=example,DC=test'],
  excludeOUs: ['OU=Contractors,OU=Staff,DC=lab,DC=example,DC=test'],
};
