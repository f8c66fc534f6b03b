/**
 * Crash safety against the real parts: `phs sync --full` and `phs run` are SIGKILLed at seeded
 * random points of a full sync of 1,000 lab users (a time after start, or once the tenant has
 * acknowledged a number of credentials), then restarted. Every user must end delivered — each
 * stored credential verifies its user's on-premises password, a sample signs in — and the state
 * must be consistent: up to date, 1,000 delivered, nothing failed or waiting for a retry.
 * Every kill must land on a running process — a child that ended first tested nothing, and fails
 * the seed: `phs sync --once` gets time triggers shorter than its shortest possible run (each
 * credential request is held SLOW_DELIVERY_MS by the emulator), `phs run` (which never ends by
 * itself) gets the acknowledgement triggers, including "every credential acknowledged, maybe not
 * yet committed".
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../lab/tenant/faults.ts';
import { labInfo } from '../lab.ts';
import { ensureLoadUsers, LOAD_COUNT, LOAD_OU, LOAD_USERS } from './support/load-users.ts';
import { describeRun, killAllPhs, phs, startPhs, type PhsChild } from './support/phs-cli.ts';
import {
  acknowledgedCount,
  credentialVerifies,
  signIn,
  startSignedInTenant,
  storedCredentials,
  type SignedInTenant,
} from './support/tenant.ts';
import { engineStatus, removeTempDirs, tempDir, writeEngineConfig } from './support/workspace.ts';

const lab = labInfo();
const SEEDS = [11, 22, 33];
const KILLS_PER_RUN = 2;
/** Where each kill landed: how many credentials the tenant had acknowledged to the killed process. */
const landed: number[] = [];
let tenant: SignedInTenant | undefined;

/** Each credential request is held this long: a full sync cannot end before it. */
const SLOW_DELIVERY_MS = 2_000;
/** Acknowledgement triggers give up waiting after this (the kill then lands on an idle `phs run`). */
const ACKS_WAIT_MS = 20_000;

type Trigger =
  { readonly kind: 'time'; readonly ms: number } | { readonly kind: 'acks'; readonly count: number };
type Round = { readonly args: readonly string[]; readonly trigger: Trigger };

function pickRound(random: () => number): Round {
  return random() < 0.5
    ? {
        args: ['sync', '--full', '--once'],
        trigger: { kind: 'time', ms: Math.round(150 + random() * (SLOW_DELIVERY_MS - 300)) },
      }
    : { args: ['run'], trigger: { kind: 'acks', count: 1 + Math.floor(random() * LOAD_COUNT) } };
}

/** Waits for the trigger (bounded), then SIGKILLs the child, which must still be running. */
async function killAt(child: PhsChild, trigger: Trigger, t: SignedInTenant): Promise<void> {
  const started = Date.now();
  const acksBefore = acknowledgedCount(t.emu);
  const due = (): boolean =>
    trigger.kind === 'time'
      ? Date.now() - started >= trigger.ms
      : acknowledgedCount(t.emu) - acksBefore >= trigger.count || Date.now() - started > ACKS_WAIT_MS;
  while (!child.exited() && !due()) await sleep(trigger.kind === 'time' ? 5 : 2);
  if (child.exited()) {
    const end = await child.done;
    expect.fail(
      `the child ended before its kill (${JSON.stringify(trigger)}), so nothing was tested:\n${describeRun(['(child)'], end)}`,
    );
  }
  child.kill('SIGKILL');
  landed.push(acknowledgedCount(t.emu) - acksBefore);
  const end = await child.done;
  expect(end.signal, describeRun(['(killed child)'], end)).toBe('SIGKILL');
}

beforeAll(async () => {
  await ensureLoadUsers(lab, (line) => console.log(`[engine crash] ${line}`));
});

afterAll(async () => {
  await killAllPhs();
  await tenant?.emu.close();
  removeTempDirs();
});

describe('SIGKILL during a full sync of 1,000 lab users', () => {
  it.each(SEEDS)(
    'seed %i: killed twice, restarted, every user ends delivered and the state is consistent',
    async (seed) => {
      const random = seededRandom(seed);
      const dir = tempDir();
      tenant = await startSignedInTenant(dir, {
        faults: [{ kind: 'slow', path: '/provisioning/', delayMs: SLOW_DELIVERY_MS, probability: 1 }],
      });
      const t = tenant;
      const config = writeEngineConfig(join(dir, 'config.json'), lab, {
        tenantFile: t.tenantFile,
        stateDir: join(dir, 'state'),
        includeOUs: [LOAD_OU],
        pollSeconds: 1,
      });
      const home = t.home;
      expect((await phs(['enable', '--config', config], { home })).status).toBe(0);
      for (let k = 0; k < KILLS_PER_RUN; k++) {
        const { args, trigger } = pickRound(random);
        await killAt(startPhs([...args, '--config', config], { home }), trigger, t);
      }

      const finish = await phs(['sync', '--config', config], { home });
      expect(finish.status, describeRun(['sync'], finish)).toBe(0);
      const status = await engineStatus(config, home);
      expect(status).toMatchObject({ phase: 'incremental', upToDate: true, consecutiveFailures: 0 });
      expect(status.users).toMatchObject({ delivered: LOAD_COUNT, failed: 0, staged: 0, retryScheduled: 0 });

      const stored = new Map(t.emu.admin.state().users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
      const wrong = LOAD_USERS.filter(
        (u) => !credentialVerifies(stored.get(u.upn)?.credential ?? undefined, u.password),
      );
      expect(wrong.map((u) => u.sam)).toEqual([]);
      expect(storedCredentials(t.emu).size).toBe(LOAD_COUNT);
      for (let i = 0; i < 3; i++) {
        const u = LOAD_USERS[Math.floor(random() * LOAD_COUNT)]!;
        expect(await signIn(t.emu.info, u.upn, u.password), u.sam).toEqual({ ok: true });
      }
      await t.emu.close();
      tenant = undefined;
    },
    120_000,
  );

  // Time triggers mostly land in start-up and replication; acknowledgement triggers land just after
  // the tenant stored a batch, before or while the engine commits it: the window crash safety is about.
  it('killed the engine after the tenant had acknowledged credentials to it, not only before', () => {
    console.log(`[engine crash] credentials acknowledged to each killed process: ${landed.join(', ')}`);
    expect(landed.some((n) => n > 0)).toBe(true);
  });
});
