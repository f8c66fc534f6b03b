/**
 * vitest globalSetup of the `integration` project: brings the lab DC up in-process and hands
 * tests the path of lab.json (`inject('labInfoPath')`). The teardown stops the DC only when a
 * test run started it and no other test run still holds a lease on it; a DC that a developer
 * started with `npm run lab -- up` keeps running.
 */
import type { TestProject } from 'vitest/node';
import { AppError } from '../../shared/errors.ts';
import { labSeedBulk, labUp, releaseLease } from './control.ts';
import { readLabInfo } from './lab-info.ts';

/** Bulk users the integration tests sample (drsr/replication.test.ts): seeded when the lab has fewer. */
export const BULK_NEEDED = 25;

declare module 'vitest' {
  export interface ProvidedContext {
    labInfoPath: string;
  }
}

const log = (line: string): void => console.log(`[lab] ${line}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { infoPath, startedNow } = await labUp({ owner: 'test', lease: process.pid, log }).catch(
    (error: unknown) => {
      // vitest prints only the message: put the remedy in it.
      if (error instanceof AppError)
        throw new Error(`${error.message}\nWhat to do: ${error.remediation}`, { cause: error });
      throw error;
    },
  );
  if ((readLabInfo(infoPath).bulk?.count ?? 0) < BULK_NEEDED) {
    await labSeedBulk(BULK_NEEDED, 2, log).catch(async (error: unknown) => {
      await releaseLease(process.pid, log);
      throw error;
    });
  }
  log(
    startedNow
      ? `DC started for this run; lab.json: ${infoPath}`
      : `using the running DC; lab.json: ${infoPath}`,
  );
  project.provide('labInfoPath', infoPath);
  return async () => {
    const outcome = await releaseLease(process.pid, log);
    if (outcome === 'kept' && startedNow)
      log('DC left running: another test run, or a developer, is using it');
  };
}
