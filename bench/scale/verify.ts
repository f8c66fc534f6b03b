/**
 * The proof behind bench:scale's figure: the emulator holds a credential for every generated user,
 * a spread sample of the unchanged users verifies their first password (the check the emulator's
 * password grant makes), and every user whose password changed in the delta verifies the new one
 * and no longer the old one.
 */
import { credentialVerifies, storedCredentials } from '../../test/integration/engine/support/tenant.ts';
import type { TenantEmulator } from '../../test/lab/tenant/server.ts';
import { sourceAnchorOf } from '../../electron/host/drsr-source.ts';
import { objectGuidOf, passwordOf, userGeneration } from './directory-model.ts';

export interface TenantCheck {
  readonly users: number;
  readonly missing: number;
  readonly sampled: number;
  readonly sampleFailed: number;
  readonly changed: number;
  readonly changedFailed: number;
  readonly seconds: number;
}

export function checkTenant(
  emu: TenantEmulator,
  users: number,
  generation: number,
  sample: number,
): TenantCheck {
  const started = performance.now();
  const stored = storedCredentials(emu);
  const step = Math.max(1, Math.floor(users / Math.max(1, sample)));
  let missing = 0;
  let sampled = 0;
  let sampleFailed = 0;
  let changed = 0;
  let changedFailed = 0;
  for (let i = 0; i < users; i++) {
    const credential = stored.get(sourceAnchorOf(objectGuidOf(i)));
    if (credential === undefined) {
      missing++;
      continue;
    }
    const changes = userGeneration(i, generation);
    if (changes > 0) {
      changed++;
      const ok =
        credentialVerifies(credential, passwordOf(i, changes)) &&
        !credentialVerifies(credential, passwordOf(i, 0));
      if (!ok) changedFailed++;
    } else if (i % step === 0) {
      sampled++;
      if (!credentialVerifies(credential, passwordOf(i, 0))) sampleFailed++;
    }
  }
  return {
    users,
    missing,
    sampled,
    sampleFailed,
    changed,
    changedFailed,
    seconds: (performance.now() - started) / 1000,
  };
}

export function passed(c: TenantCheck): boolean {
  return c.missing === 0 && c.sampleFailed === 0 && c.changedFailed === 0 && c.sampled > 0 && c.changed > 0;
}
