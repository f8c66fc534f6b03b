/** A changed tenant endpoint removes every saved sign-in; saving the same one again keeps it. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { tokenCacheFile } from '../../../electron/services/token-cache-files.ts';
import { createWizardServices } from '../../../electron/services/wizard-services.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import { sameTenantEndpoint } from '../../../shared/tenant-endpoint.ts';
import { PUBLIC_CLOUD_ENDPOINT } from '../../../shared/tenant-schemas.ts';
import { fakeTenant } from './fakes.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const dir = mkdtempSync(join(tmpdir(), 'phs-endpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const CLOUD = { ...PUBLIC_CLOUD_ENDPOINT };

describe('changing the tenant endpoint', () => {
  it('compares endpoints as the tenant code reads them', () => {
    expect(
      sameTenantEndpoint(CLOUD, {
        ...CLOUD,
        authority: ` ${CLOUD.authority}/`,
        clientId: CLOUD.clientId.toUpperCase(),
      }),
    ).toBe(true);
    for (const change of [
      { authority: 'https://login.evil.example/organizations' },
      { graphBaseUrl: 'https://graph.evil.example' },
      { clientId: '00000000-0000-0000-0000-000000000001' },
      { credentialsUrl: 'https://graph.microsoft.com/credentials' },
      { tenantId: '44439021-37ea-415b-a926-0aba84f60108' },
      { caFile: '/tmp/ca.pem' },
    ])
      expect(sameTenantEndpoint(CLOUD, { ...CLOUD, ...change }), JSON.stringify(change)).toBe(false);
  });

  it('keeps one token cache per endpoint and removes them all when the endpoint changes', () => {
    const services = createWizardServices({
      userDataDir: dir,
      secretBox: openKeyFileBox(join(dir, 'key'), true)!,
      pushes: new PushQueue(log),
      log,
      openBrowser: async () => undefined,
      chooseCaFile: async () => undefined,
      writeClipboard: async () => undefined,
      connectTenant: () => fakeTenant(),
    });
    const cloud = tokenCacheFile(dir, {
      authority: CLOUD.authority,
      clientId: CLOUD.clientId,
      graphBaseUrl: CLOUD.graphBaseUrl,
    });
    const other = tokenCacheFile(dir, {
      authority: CLOUD.authority,
      clientId: CLOUD.clientId,
      graphBaseUrl: 'https://graph.evil.example',
    });
    expect(cloud).not.toBe(other);
    for (const file of [cloud, other, join(dir, 'tenant-token-cache.bin')]) writeFileSync(file, 'sealed');
    const caches = (): string[] => readdirSync(dir).filter((n) => n.startsWith('tenant-token-cache'));
    services.wizard.save({ tenantEndpoint: { ...CLOUD, graphBaseUrl: `${CLOUD.graphBaseUrl}/` } });
    expect(caches()).toHaveLength(3);
    services.wizard.save({ tenantEndpoint: { ...CLOUD, graphBaseUrl: 'https://graph.evil.example' } });
    expect(caches()).toEqual([]);
    expect(readdirSync(dir)).toContain('settings.json');
  });
});
