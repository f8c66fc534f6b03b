/** The wizard's channels through the real dispatcher and services, over a fake DC and tenant. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { createDispatcher } from '../../../electron/services/dispatcher.ts';
import { PushQueue } from '../../../electron/services/push-queue.ts';
import { createWizardServices, type WizardServices } from '../../../electron/services/wizard-services.ts';
import type { FirstSyncPort } from '../../../electron/services/wizard.ts';
import { openKeyFileBox } from '../../../electron/tenant/key-file-box.ts';
import type { AppChannel, EngineChannel } from '../../../shared/contract.ts';
import { DEFAULT_DIRECTORY_DRAFT } from '../../../shared/directory-schemas.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { PUBLIC_CLOUD_ENDPOINT } from '../../../shared/tenant-schemas.ts';
import { fakeDirectory, fakeTenant } from './fakes.ts';
import { stubHandlers } from './stub-handlers.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const DRAFT = { ...DEFAULT_DIRECTORY_DRAFT, host: 'dc1.corp.example.com', username: 'CORP\\svc' };
const SCOPE = {
  includedOus: ['DC=corp,DC=example,DC=com'],
  excludedOus: ['OU=Lab,DC=corp,DC=example,DC=com'],
};

function open(userDataDir = mkdtempSync(join(tmpdir(), 'phs-wizard-')), firstSync?: FirstSyncPort) {
  if (!dirs.includes(userDataDir)) dirs.push(userDataDir);
  const directory = fakeDirectory();
  const tenant = fakeTenant();
  const pushes = new PushQueue(log);
  const pushed: { channel: string; payload: unknown }[] = [];
  pushes.ready((channel, payload) => pushed.push({ channel, payload }));
  const services: WizardServices = createWizardServices({
    userDataDir,
    secretBox: openKeyFileBox(join(userDataDir, 'key'), true)!,
    pushes,
    log,
    openBrowser: async () => undefined,
    chooseCaFile: async () => '/etc/ca.pem',
    writeClipboard: async () => undefined,
    directoryService: directory,
    connectTenant: () => tenant,
    ...(firstSync === undefined ? {} : { firstSync }),
  });
  const dispatch = createDispatcher(
    { ...stubHandlers<AppChannel | EngineChannel>(), ...services.handlers },
    log,
  );
  return { userDataDir, directory, tenant, services, dispatch, pushed };
}

async function ready(w: ReturnType<typeof open>) {
  await w.dispatch('directory:test', { opId: 'op-00000001', draft: DRAFT, password: 'S3cret-Passw0rd!' });
  await w.dispatch('tenant:signIn', { opId: 'op-00000002', method: 'browser' });
  await w.dispatch('wizard:save', { step: 'scope', scope: SCOPE });
}

describe('the wizard channels', () => {
  it('start from the defaults, hold a tested password in memory and never send it back', async () => {
    const w = open();
    expect(await w.dispatch('wizard:load', {})).toEqual({
      ok: true,
      value: {
        directory: null,
        passwordState: 'none',
        tenantEndpoint: PUBLIC_CLOUD_ENDPOINT,
        scope: null,
        phs: expect.objectContaining({ enabled: true }),
        configuredAt: null,
      },
    });
    const tested = await w.dispatch('directory:test', {
      opId: 'op-00000001',
      draft: DRAFT,
      password: 'S3cret-Passw0rd!',
    });
    expect(tested).toMatchObject({ ok: true, value: { status: 'connected' } });
    const loaded = await w.dispatch('wizard:load', {});
    expect(loaded).toMatchObject({ ok: true, value: { directory: DRAFT, passwordState: 'held' } });
    for (const reply of [tested, loaded, await w.dispatch('directory:status', {})])
      expect(JSON.stringify(reply)).not.toContain('S3cret');
    expect(readFileSync(join(w.userDataDir, 'settings.json'), 'utf8')).not.toContain('S3cret');
  });

  it('check what they save: tenant endpoint fields, scope DNs', async () => {
    const w = open();
    expect(
      await w.dispatch('wizard:save', {
        step: 'tenantEndpoint',
        endpoint: { ...PUBLIC_CLOUD_ENDPOINT, authority: 'http://x', clientId: 'nope' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: ErrorCode.TenantConfigInvalid,
        message:
          'The authority must start with https://. The client id must be a GUID, such as 14d82eec-204b-4c2f-b7e8-296a70dab67e.',
      },
    });
    expect(
      await w.dispatch('wizard:save', { step: 'scope', scope: { includedOus: ['Staff'], excludedOus: [] } }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    expect(
      await w.dispatch('wizard:save', {
        step: 'scope',
        scope: { includedOus: [SCOPE.includedOus[0]!, 'OU=X,DC=corp,DC=example,DC=com'], excludedOus: [] },
      }),
    ).toEqual({ ok: true, value: { saved: true } });
    expect(w.services.settings.current.scope).toEqual({
      includedOus: ['DC=corp,DC=example,DC=com'],
      excludedOus: [],
    });
    expect(
      await w.dispatch('wizard:save', {
        step: 'phs',
        options: {
          enabled: true,
          enforceCloudPasswordPolicy: false,
          syncTemporaryPasswords: false,
          stagingMode: false,
          pollIntervalSeconds: 0,
        },
      }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
  });

  it('list what blocks Configure, and refuse it until fixed', async () => {
    const w = open();
    const review = await w.dispatch('wizard:review', {});
    expect(review).toMatchObject({
      ok: true,
      value: { blockers: [{ step: 'directory' }, { step: 'tenant' }, { step: 'scope' }], usersInScope: null },
    });
    expect(await w.dispatch('wizard:configure', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.ConfigInvalid },
    });
    expect(w.tenant.patches).toEqual([]);
  });

  it('configure: seal the password, apply the tenant features, record it; the first sync waits for the engine', async () => {
    const w = open();
    await ready(w);
    const review = await w.dispatch('wizard:review', {});
    expect(review).toMatchObject({
      ok: true,
      value: {
        blockers: [],
        usersInScope: 9,
        warnings: [{ step: 'tenant', message: expect.stringContaining('example.org') }],
      },
    });
    const configured = await w.dispatch('wizard:configure', {});
    expect(configured).toMatchObject({
      ok: true,
      value: {
        staging: false,
        firstSync: 'engineNotConnected',
        tenantChanges: [
          'Turned on directory synchronization for the tenant.',
          'Turned on password hash synchronization.',
        ],
      },
    });
    expect(readFileSync(join(w.userDataDir, 'secrets.bin')).includes('S3cret-Passw0rd!')).toBe(false);
    expect(await w.services.secrets.directoryCredential()).toEqual({
      username: 'CORP\\svc',
      password: 'S3cret-Passw0rd!',
      target: { host: DRAFT.host, port: 636, transport: 'ldaps', serverName: '', trust: { kind: 'system' } },
    });
    expect(await w.dispatch('wizard:load', {})).toMatchObject({
      ok: true,
      value: { passwordState: 'saved', configuredAt: expect.any(String) },
    });

    // Reopened on the same folder: filled in, the password "saved", and usable without retyping.
    const again = open(w.userDataDir);
    expect(await again.dispatch('wizard:load', {})).toMatchObject({
      ok: true,
      value: { directory: DRAFT, passwordState: 'saved', scope: SCOPE },
    });
    expect(await again.dispatch('directory:test', { opId: 'op-00000003', draft: DRAFT })).toMatchObject({
      ok: true,
      value: { status: 'connected' },
    });
    expect(again.directory.connects.at(-1)?.password).toBe('S3cret-Passw0rd!');
    // Not for another DC: the request must carry the password, and the form says none is saved for it.
    const elsewhere = { ...DRAFT, host: 'dc9.attacker.example' };
    expect(await again.dispatch('directory:test', { opId: 'op-00000004', draft: elsewhere })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.DirectoryPasswordNotReusable, message: expect.stringContaining('dc1.corp.example.com:636') },
    });
    expect(again.directory.connects.map((c) => c.host)).not.toContain('dc9.attacker.example');
  });

  it('configure in staging mode changes nothing in the tenant; an injected engine starts the first sync and cancels it', async () => {
    const calls: string[] = [];
    const w = open(undefined, {
      start: async () => void calls.push('start'),
      cancel: async () => (calls.push('cancel'), true),
    });
    await ready(w);
    await w.dispatch('wizard:save', {
      step: 'phs',
      options: {
        enabled: true,
        enforceCloudPasswordPolicy: false,
        syncTemporaryPasswords: false,
        stagingMode: true,
        pollIntervalSeconds: 60,
      },
    });
    expect(await w.dispatch('wizard:configure', {})).toMatchObject({
      ok: true,
      value: { staging: true, tenantChanges: [], firstSync: 'started' },
    });
    expect(w.tenant.patches).toEqual([]);
    expect(await w.dispatch('wizard:cancelFirstSync', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(calls).toEqual(['start', 'cancel']);
  });

  it('cancel a running test by its operation id; the reply is the never-shown cancellation', async () => {
    const w = open();
    w.directory.next = 'hang';
    const testing = w.dispatch('directory:test', { opId: 'op-00000009', draft: DRAFT, password: 'p' });
    await new Promise((r) => setTimeout(r, 5));
    expect(await w.dispatch('op:cancel', { opId: 'op-00000009' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await testing).toMatchObject({ ok: false, error: { code: ErrorCode.Cancelled } });
    expect(await w.dispatch('op:cancel', { opId: 'op-00000009' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('refuse requests outside the contract: an unknown field, a bad operation id', async () => {
    const w = open();
    expect(
      await w.dispatch('directory:test', {
        opId: 'op-00000001',
        draft: { ...DRAFT, password: 'x' },
        password: 'p',
      }),
    ).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    expect(await w.dispatch('op:cancel', { opId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.InvalidArgument },
    });
  });
});
