/**
 * Live: each way replication can fail ends in a named error with a remediation: a wrong
 * password, missing replication rights (which one), unknown users, an unreachable endpoint
 * mapper, a silent or hanging-up server, cancellation. Rights are granted to fresh users of a
 * sandbox and revoked afterwards.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrsrClient } from '../../../../electron/directory/drsr/client.ts';
import type { DrsrMissingRightsError } from '../../../../electron/directory/drsr/drsuapi/errors.ts';
import type { ReplicationPage } from '../../../../electron/directory/drsr/drsuapi/replication.ts';
import { ntHash } from '../../../../electron/crypto/md4.ts';
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { labInfo } from '../../lab.ts';
import { adminAccount, connectAdmin, Sandbox, type SandboxUser } from './lab-admin.ts';

const lab = labInfo();

async function failure(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** Runs `attempt` again once after `repair` if it fails the first time (see Sandbox.regrant). */
async function withOneRetry<T>(repair: () => void, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch {
    repair();
    return attempt();
  }
}

async function drain(pages: AsyncIterable<ReplicationPage>): Promise<number> {
  let n = 0;
  for await (const page of pages) n += page.users.length;
  return n;
}

/** A TCP server that accepts and then does `onData` with what arrives; closed after the test. */
async function fakeServer(
  onData: (socket: net.Socket) => void,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => onData(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('authentication and reachability', () => {
  it('names a wrong password as an authentication failure', async () => {
    const error = await failure(() =>
      DrsrClient.connect({ ...adminAccount(), password: 'not-the-password' }),
    );
    expect(error.code).toBe(ErrorCode.DrsrAuthFailed);
    expect(error.message).toContain('LAB\\Administrator');
    expect(error.message).not.toContain('not-the-password');
  });

  it('accepts a UPN with an empty domain', async () => {
    const client = await DrsrClient.connect({ ...adminAccount(), username: lab.admin.username, domain: '' });
    expect(client.domain.dn).toBe(lab.baseDn);
    await client.close();
  });

  it('names an unreachable endpoint mapper', async () => {
    const error = await failure(() =>
      DrsrClient.connect({ ...adminAccount(), host: '127.0.0.9', timeoutMs: 5000 }),
    );
    expect(error.code).toBe(ErrorCode.RpcUnreachable);
    expect(error.message).toMatch(/endpoint mapper of 127\.0\.0\.9 \(TCP 135\)/);
    expect(error.remediation).toMatch(/135/);
  });

  it('times out on a server that never answers', async () => {
    const server = await fakeServer(() => undefined);
    try {
      const started = Date.now();
      const error = await failure(() =>
        DrsrClient.connect({ ...adminAccount(), port: server.port, timeoutMs: 400 }),
      );
      expect(error.code).toBe(ErrorCode.RpcTimeout);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.close();
    }
  });

  it('names a server that hangs up', async () => {
    const server = await fakeServer((socket) => socket.destroy());
    try {
      const error = await failure(() =>
        DrsrClient.connect({ ...adminAccount(), port: server.port, timeoutMs: 5000 }),
      );
      expect(error.code).toBe(ErrorCode.RpcConnectionLost);
    } finally {
      await server.close();
    }
  });
});

describe('replication rights', () => {
  let sandbox: Sandbox;
  let partial: SandboxUser;
  let delegated: SandboxUser;

  beforeAll(async () => {
    sandbox = await Sandbox.create('rights');
    partial = await sandbox.addUser('drsp', 'Partial-Rights-1!');
    delegated = await sandbox.addUser('drsd', 'Delegated-Rights-1!');
    sandbox.grant(partial, 'Get-Changes');
    sandbox.grant(delegated, 'Get-Changes');
    sandbox.grant(delegated, 'Get-Changes-All');
  });

  afterAll(async () => {
    await sandbox?.dispose();
  });

  const connectAs = (user: {
    readonly sAMAccountName: string;
    readonly password: string | null;
  }): Promise<DrsrClient> =>
    DrsrClient.connect({
      host: lab.host,
      username: user.sAMAccountName,
      domain: lab.netbiosDomain,
      password: user.password!,
      timeoutMs: 30_000,
    });

  it('tells a plain user it lacks Get-Changes, with the command that grants it', async () => {
    const client = await DrsrClient.connect({
      host: lab.host,
      username: 'phs-reader',
      domain: lab.netbiosDomain,
      password: lab.nonAdmin.password,
    });
    try {
      const error = (await failure(() => drain(client.fullSync()))) as DrsrMissingRightsError;
      expect(error.code).toBe(ErrorCode.DrsrMissingRights);
      expect(error.missing).toEqual(['Get-Changes']);
      expect(error.remediation).toContain(
        `--trusteedn="${lab.nonAdmin.dn}" --car=get-changes --action=allow`,
      );
      const single = (await failure(() => client.readUser(lab.users[0]!.dn))) as DrsrMissingRightsError;
      expect(single.missing).toEqual(['Get-Changes']);
    } finally {
      await client.close();
    }
  });

  it('tells an account with Get-Changes only that it lacks Get-Changes-All', async () => {
    sandbox.regrant();
    const error = await withOneRetry(
      () => sandbox.regrant(),
      async () => {
        const client = await connectAs(partial);
        try {
          const denied = (await failure(() =>
            drain(client.fullSync({ pageSize: 50 })),
          )) as DrsrMissingRightsError;
          expect(denied.missing).toEqual(['Get-Changes-All']);
          return denied;
        } finally {
          await client.close();
        }
      },
    );
    expect(error.code).toBe(ErrorCode.DrsrMissingRights);
    expect(error.remediation).toContain('--car=get-changes-all');
  });

  it('lets a delegated account with both rights read hashes, full and single (least privilege)', async () => {
    const ascii = lab.users.find((u) => u.sAMAccountName === 'ascii.user')!;
    sandbox.regrant();
    await withOneRetry(
      () => sandbox.regrant(),
      async () => {
        const client = await connectAs(delegated);
        try {
          expect((await client.readUser(ascii.dn)).ntHash?.equals(ntHash(ascii.password!))).toBe(true);
          let found = false;
          for await (const page of client.fullSync()) {
            found ||= page.users.some(
              (u) => u.sAMAccountName === 'ascii.user' && u.ntHash?.equals(ntHash(ascii.password!)),
            );
          }
          expect(found).toBe(true);
        } finally {
          await client.close();
        }
      },
    );
  });
});

describe('names and cursors', () => {
  let client: DrsrClient;
  beforeAll(async () => {
    client = await connectAdmin();
  });
  afterAll(async () => {
    await client?.close();
  });

  it('names users that do not exist or are not users', async () => {
    expect((await failure(() => client.findUser('no-such-user'))).code).toBe(ErrorCode.DrsrUserNotFound);
    expect((await failure(() => client.readUser(`CN=No Such User,${lab.baseDn}`))).code).toBe(
      ErrorCode.DrsrUserNotFound,
    );
    const ou = await failure(() => client.readUser(lab.scope.includedOus[0]!));
    expect(ou.code).toBe(ErrorCode.DrsrUserNotFound);
    expect(ou.message).toMatch(/not a user/);
  });

  it('refuses a cursor of another naming context', async () => {
    const cursor = {
      version: 1,
      ncDn: 'DC=elsewhere',
      invocationId: client.dc.ntdsDsaObjectGuid,
      usnVector: { highObjUpdate: 1n, reserved: 0n, highPropUpdate: 1n },
      upToDate: null,
      complete: true,
    } as const;
    expect((await failure(() => drain(client.fullSync({ cursor })))).code).toBe(ErrorCode.DrsrCursorInvalid);
  });

  it('stops a sync on cancellation with CancelledError, and the client still works after', async () => {
    const controller = new AbortController();
    const error = await failure(async () => {
      for await (const page of client.fullSync({ pageSize: 10, signal: controller.signal })) {
        void page;
        controller.abort();
      }
    });
    expect(error.code).toBe(ErrorCode.Cancelled);
    expect((await client.readUser(lab.users[0]!.dn)).dn.toLowerCase()).toBe(lab.users[0]!.dn.toLowerCase());
    expect(await drain(client.fullSync({ pageSize: 1000 }))).toBeGreaterThan(lab.users.length);
  });
});
