import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors.ts';
import { refuseEnableWithoutDelivery } from '../../../electron/host/deliver-guard.ts';
import { Harness } from '../engine/fakes/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('no credential endpoint: enable refused before the tenant is touched', () => {
  it('rejects enable with a named error that points to monitor mode, and calls nothing in the tenant', async () => {
    h = await Harness.create({ enable: false });
    const engine = refuseEnableWithoutDelivery(h.engine);
    const refused = await engine.enable({ fullSync: true }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: ErrorCode.TenantNoCredentialEndpoint,
      message: expect.stringContaining('Nothing was changed in the tenant'),
      remediation: expect.stringContaining('phs verify'),
    });
    expect(h.tenant.calls).toEqual([]);
    expect(h.tenant.directorySyncEnabled).toBe(false);
    expect(h.tenant.features.passwordSyncEnabled).toBe(false);
    expect(engine.status().enabled).toBe(false);
  });

  it('leaves every other member working on the engine itself (private state included)', async () => {
    h = await Harness.create({ enable: false });
    const engine = refuseEnableWithoutDelivery(h.engine);
    expect(engine.status()).toEqual(h.engine.status());
    expect(engine.events).toBe(h.engine.events);
    await expect(engine.diagnose('nobody-at-all')).resolves.toBeDefined();
  });
});
