/**
 * A held or saved AD password is reused only for the target it was tested with: a test that names
 * another host, port, TLS mode, certificate name or trust must carry the password, or it is
 * refused by name before anything is sent — so a compromised renderer cannot aim the replication
 * account at a server of its own.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { DirectoryStep } from '../../../electron/services/directory-step.ts';
import { savedFor } from '../../../electron/services/password-reuse.ts';
import type { SavedCredential } from '../../../electron/services/secret-store.ts';
import { DEFAULT_DIRECTORY_DRAFT, type DirectoryDraft } from '../../../shared/directory-schemas.ts';
import { targetOf } from '../../../shared/directory-target.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { fakeDirectory } from './fakes.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const signal = (): AbortSignal => new AbortController().signal;
const PIN = Array.from({ length: 32 }, () => 'AB').join(':');
const DRAFT: DirectoryDraft = {
  ...DEFAULT_DIRECTORY_DRAFT,
  host: 'dc1.corp.example.com',
  username: 'CORP\\svc',
  trust: { kind: 'pinned', sha256: PIN },
};
const SAVED: SavedCredential = { username: 'CORP\\svc', password: 'Saved-Pw-1', target: targetOf(DRAFT) };

function setup(saved: SavedCredential | undefined = SAVED) {
  const service = fakeDirectory();
  const step = new DirectoryStep({ service, savedCredential: async () => saved, log });
  return { service, step };
}

/** Every way a request can name another target than the one the password was tested with. */
const ELSEWHERE: readonly [string, DirectoryDraft][] = [
  ['another host', { ...DRAFT, host: 'evil.example.net' }],
  ['another port', { ...DRAFT, port: 1636 }],
  ['another TLS mode', { ...DRAFT, transport: 'starttls' }],
  ['another certificate name', { ...DRAFT, serverName: 'evil.example.net' }],
  ['another pinned fingerprint', { ...DRAFT, trust: { kind: 'pinned', sha256: PIN.replace(/^AB/, 'CD') } }],
  ['the system CAs instead of the pin', { ...DRAFT, trust: { kind: 'system' } }],
];

describe('reusing a held or saved AD password', () => {
  it('reuses the saved password for the same account and target (names and pins compared as the DC sees them)', async () => {
    const { service, step } = setup();
    const same = {
      ...DRAFT,
      host: ' DC1.corp.example.com ',
      trust: { kind: 'pinned' as const, sha256: PIN.replace(/:/g, '').toLowerCase() },
    };
    expect(await step.test(same, undefined, signal())).toMatchObject({ status: 'connected' });
    expect(service.connects).toEqual([
      { host: 'DC1.corp.example.com', username: 'CORP\\svc', password: 'Saved-Pw-1', trust: 'pinned' },
    ]);
  });

  it.each(ELSEWHERE)(
    'refuses to send the saved password to %s, by name, without connecting',
    async (_what, draft) => {
      const { service, step } = setup();
      const failure = step.test(draft, undefined, signal());
      await expect(failure).rejects.toMatchObject({
        code: ErrorCode.DirectoryPasswordNotReusable,
        message: expect.stringContaining('is kept for dc1.corp.example.com:636 (LDAPS)'),
        remediation: expect.stringContaining("Enter the account's password"),
      });
      const error: unknown = await failure.catch((e: unknown) => e);
      expect(JSON.stringify(error) + String(error)).not.toContain('Saved-Pw-1');
      expect(service.connects).toEqual([]);
    },
  );

  it('uses a password the request carries for another target, and then holds it for that target only', async () => {
    const { service, step } = setup();
    const other = { ...DRAFT, host: 'dc2.corp.example.com' };
    await step.test(other, 'Typed-Pw-2', signal());
    await step.test(other, undefined, signal());
    await expect(step.test({ ...other, port: 3269 }, undefined, signal())).rejects.toMatchObject({
      code: ErrorCode.DirectoryPasswordNotReusable,
      message: expect.stringContaining('is kept for dc2.corp.example.com:636 (LDAPS)'),
    });
    await step.test(DRAFT, undefined, signal());
    expect(service.connects.map((c) => [c.host, c.password])).toEqual([
      ['dc2.corp.example.com', 'Typed-Pw-2'],
      ['dc2.corp.example.com', 'Typed-Pw-2'],
      ['dc1.corp.example.com', 'Saved-Pw-1'],
    ]);
  });

  it('never reuses a password saved before it was bound to a target', async () => {
    const { service, step } = setup({ ...SAVED, target: null });
    await expect(step.test(DRAFT, undefined, signal())).rejects.toMatchObject({
      code: ErrorCode.DirectoryPasswordNotReusable,
      message: expect.stringContaining('was saved before passwords were bound'),
    });
    expect(service.connects).toEqual([]);
  });

  it('gives the engine the saved password only for the configured account and target', () => {
    expect(savedFor(DRAFT, SAVED)).toEqual({ username: 'CORP\\svc', password: 'Saved-Pw-1' });
    for (const [, draft] of ELSEWHERE) expect(savedFor(draft, SAVED)).toBeUndefined();
    expect(savedFor({ ...DRAFT, username: 'CORP\\other' }, SAVED)).toBeUndefined();
    expect(savedFor(DRAFT, { ...SAVED, target: null })).toBeUndefined();
    expect(savedFor(null, SAVED)).toBeUndefined();
  });
});
