import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { DirectoryStep } from '../../../electron/services/directory-step.ts';
import type { SavedCredential } from '../../../electron/services/secret-store.ts';
import { targetOf } from '../../../shared/directory-target.ts';
import { DEFAULT_DIRECTORY_DRAFT, type DirectoryDraft } from '../../../shared/directory-schemas.ts';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { CERT, fakeDirectory, type FakeDirectory } from './fakes.ts';

const log = createLogger({ process: 'test', sinks: [memorySink()] });
const DRAFT: DirectoryDraft = {
  ...DEFAULT_DIRECTORY_DRAFT,
  host: 'dc1.corp.example.com',
  username: 'CORP\\svc',
};
const signal = (): AbortSignal => new AbortController().signal;

function step(
  service: FakeDirectory,
  saved?: SavedCredential,
  files: Record<string, string> = {},
): DirectoryStep {
  return new DirectoryStep({
    service,
    savedCredential: async () => saved,
    log,
    readTextFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
  });
}

describe('the Active Directory step in main', () => {
  it('connects, discovers, checks the rights and keeps the session and password for the Scope step', async () => {
    const service = fakeDirectory();
    const s = step(service);
    const outcome = await s.test(DRAFT, 'Pw-1', signal());
    expect(outcome).toMatchObject({
      status: 'connected',
      account: 'CORP\\svc',
      discovery: {
        domainDnsName: 'corp.example.com',
        netbiosName: 'CORP',
        domainFunctionalLevel: 'Windows Server 2016',
        upnSuffixes: ['corp.example.com', 'example.org'],
      },
      rights: { canSync: true, grants: [] },
    });
    expect(s.heldCredential).toEqual({ username: 'CORP\\svc', password: 'Pw-1', target: targetOf(DRAFT) });
    expect(JSON.stringify(outcome)).not.toContain('Pw-1');
    expect(await s.listOus(undefined, signal())).toEqual([
      {
        dn: 'DC=corp,DC=example,DC=com',
        name: 'corp.example.com',
        kind: 'domain',
        hasChildren: true,
        userCount: 10,
      },
    ]);
    expect(
      await s.countUsers({ includedOus: ['OU=Staff,DC=corp,DC=example,DC=com'], excludedOus: [] }, signal()),
    ).toBe(10);
    expect(service.connects).toHaveLength(1);
  });

  it('shows the certificate for a trust decision when it does not verify, without binding', async () => {
    const service = fakeDirectory();
    service.next = new AppError(
      ErrorCode.LdapTlsUntrusted,
      'The certificate of dc1:636 is not trusted (SELF_SIGNED_CERT_IN_CHAIN).',
      'Choose the CA file…',
    );
    const outcome = await step(service).test(DRAFT, 'Pw-1', signal());
    expect(outcome).toEqual({
      status: 'untrusted',
      certificate: {
        subject: CERT.subject,
        issuer: CERT.issuer,
        subjectAltNames: CERT.subjectAltNames,
        validFrom: CERT.validFrom,
        validTo: CERT.validTo,
        sha256: CERT.sha256,
        selfSigned: false,
      },
      error: {
        code: ErrorCode.LdapTlsUntrusted,
        message: expect.stringContaining('not trusted'),
        remediation: 'Choose the CA file…',
      },
    });
  });

  it('passes a bind failure through as the named error it is', async () => {
    const service = fakeDirectory();
    service.next = new AppError(
      ErrorCode.LdapInvalidCredentials,
      'The DC rejected the name or password of "CORP\\svc".',
      'Check the account name…',
    );
    await expect(step(service).test(DRAFT, 'wrong', signal())).rejects.toMatchObject({
      code: ErrorCode.LdapInvalidCredentials,
    });
  });

  it('lists the grant commands when a right is missing', async () => {
    const service = fakeDirectory();
    service.canSync = false;
    const outcome = await step(service).test(DRAFT, 'Pw-1', signal());
    if (outcome.status !== 'connected') throw new Error('expected a connection');
    expect(outcome.rights.rights).toEqual([
      { name: 'Replicating Directory Changes', granted: false, denied: false },
      { name: 'Replicating Directory Changes All', granted: false, denied: false },
    ]);
    expect(outcome.rights.grants[0]).toEqual({
      right: 'Replicating Directory Changes',
      dsacls: 'dsacls "DC=corp,DC=example,DC=com" /G "CORP\\svc:CA;Replicating Directory Changes"',
      sambaTool:
        "samba-tool dsacl set --objectdn='DC=corp,DC=example,DC=com' --sddl='(OA;;CR;1131f6aa-9c07-11d1-f79f-00c04fc2dcd2;;S-1-5-21-1-2-3-1104)'",
    });
  });

  it('reuses the held or the saved password for the same account only', async () => {
    const service = fakeDirectory();
    const s = step(service, { username: 'CORP\\saved', password: 'Saved-1', target: targetOf(DRAFT) });
    await expect(s.test(DRAFT, undefined, signal())).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      message: "Enter the account's password.",
    });
    await s.test({ ...DRAFT, username: 'CORP\\saved' }, undefined, signal());
    await s.test(DRAFT, 'Typed-1', signal());
    await s.test(DRAFT, undefined, signal());
    expect(service.connects.map((c) => c.password)).toEqual(['Saved-1', 'Typed-1', 'Typed-1']);
  });

  it('checks the fields with the shared validators and reads the CA file itself', async () => {
    const service = fakeDirectory();
    await expect(
      step(service).test({ ...DRAFT, host: 'not a host', username: 'svc' }, 'p', signal()),
    ).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      message: expect.stringContaining('"not a host" is not a valid host name'),
    });
    await expect(
      step(service).test({ ...DRAFT, trust: { kind: 'pem', file: '/nowhere.pem' } }, 'p', signal()),
    ).rejects.toMatchObject({ message: 'The CA file /nowhere.pem cannot be read.' });
    await expect(
      step(service, undefined, { '/x.pem': 'hello' }).test(
        { ...DRAFT, trust: { kind: 'pem', file: '/x.pem' } },
        'p',
        signal(),
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('holds no PEM certificate') });
    await step(service, undefined, { '/ca.pem': '-----BEGIN CERTIFICATE-----\nMII…' }).test(
      { ...DRAFT, trust: { kind: 'pem', file: '/ca.pem' } },
      'p',
      signal(),
    );
    expect(service.connects.at(-1)?.trust).toBe('pem');
  });

  it('closes a session that connects after the test was cancelled', async () => {
    const service = fakeDirectory();
    service.next = 'hang';
    const controller = new AbortController();
    const s = step(service);
    const testing = s.test(DRAFT, 'p', controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(testing).rejects.toMatchObject({ code: ErrorCode.Cancelled });
    service.release?.();
    await expect.poll(() => service.closed).toEqual([1]);
    expect(s.result).toBeNull();
  });

  it('reconnects once when the DC dropped the held session', async () => {
    const service = fakeDirectory();
    const s = step(service);
    await s.test(DRAFT, 'p', signal());
    service.lose = true;
    expect(await s.listOus('OU=Lab,DC=corp,DC=example,DC=com', signal())).toHaveLength(1);
    expect(service.connects).toHaveLength(2);
    expect(service.closed).toEqual([1]);
  });

  it('says to test first when the Scope step asks before any connection', async () => {
    await expect(step(fakeDirectory()).listOus(undefined, signal())).rejects.toMatchObject({
      code: ErrorCode.LdapConnectionLost,
      remediation: expect.stringContaining('test the connection'),
    });
  });
});
