/**
 * The tenant side of the engine's lab runs: an emulator in this process, its tenant file, a CLI
 * home signed in as its admin with `phs tenant login`, and the sign-in check — the emulator's
 * password grant, which succeeds for a synced user iff the delivered credential verifies the
 * password (what "the user can sign in with the on-premises password" means in Entra).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatWire } from '../../../../electron/phs/orgid.ts';
import { verifyPassword } from '../../../../electron/phs/wire.ts';
import { createHttpsClient } from '../../../../electron/tenant/https-client.ts';
import { writeInfo, type TenantEmulatorInfo } from '../../../lab/tenant/info.ts';
import {
  startTenantEmulator,
  type TenantEmulator,
  type TenantEmulatorOptions,
} from '../../../lab/tenant/server.ts';
import type { StoredCredential } from '../../../lab/tenant/state.ts';
import { describeRun, phs, type PhsOptions } from './phs-cli.ts';

export interface SignedInTenant {
  readonly emu: TenantEmulator;
  readonly tenantFile: string;
  /** XDG_CONFIG_HOME for every `phs` child of this tenant. */
  readonly home: string;
}

/** No Entra-like write budget unless a test asks for one: throttling is tested on purpose, not by accident. */
export const UNLIMITED = { items: 10_000_000, windowSeconds: 300 } as const;

export async function startSignedInTenant(
  dir: string,
  options: TenantEmulatorOptions = {},
  cli: Pick<PhsOptions, 'nodeArgs' | 'env'> = {},
): Promise<SignedInTenant> {
  mkdirSync(join(dir, 'emu'), { recursive: true });
  const emu = await startTenantEmulator({
    dir: join(dir, 'emu'),
    credentialRateLimit: UNLIMITED,
    ...options,
  });
  const tenantFile = join(dir, 'tenant.json');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  writeInfo(tenantFile, emu.info);
  const args = [
    'tenant',
    'login',
    '--tenant',
    tenantFile,
    '--username',
    emu.info.admin.username,
    '--password-stdin',
  ];
  const login = await phs(args, { ...cli, home, stdin: emu.info.admin.password, timeoutMs: 60_000 });
  if (login.status !== 0) {
    await emu.close();
    throw new Error(describeRun(args, login));
  }
  return { emu, tenantFile, home };
}

export type SignInResult = { readonly ok: true } | { readonly ok: false; readonly aadsts: number | null };

/** The emulator's password grant for `upn` (ROPC, as a script would sign in). */
export async function signIn(info: TenantEmulatorInfo, upn: string, password: string): Promise<SignInResult> {
  const http = createHttpsClient({ caFile: info.caFile, timeoutMs: 10_000 });
  try {
    const res = await http.send({
      method: 'POST',
      url: `${info.authority}/oauth2/v2.0/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: info.clientId,
        grant_type: 'password',
        username: upn,
        password,
        scope: 'openid profile User.Read',
      }).toString(),
    });
    if (res.status === 200) return { ok: true };
    const body = JSON.parse(res.body.toString('utf8')) as { error_codes?: unknown };
    const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
    return { ok: false, aadsts: typeof codes[0] === 'number' ? codes[0] : null };
  } finally {
    http.close();
  }
}

/** Entra's answers used below: unknown user, wrong password, account disabled. */
export const AADSTS = { unknownUser: 50034, badPassword: 50126, disabled: 50057 } as const;

/** Every synced user's stored credential, by source anchor (one snapshot of the tenant). */
export function storedCredentials(emu: TenantEmulator): Map<string, StoredCredential> {
  const out = new Map<string, StoredCredential>();
  for (const u of emu.admin.state().users) {
    if (u.onPremisesImmutableId !== null && u.credential !== null)
      out.set(u.onPremisesImmutableId, u.credential);
  }
  return out;
}

/** The check the password grant makes, without a request: does this stored credential verify `password`? */
export function credentialVerifies(credential: StoredCredential | undefined, password: string): boolean {
  if (credential === undefined) return false;
  const wire = formatWire(
    Buffer.from(credential.saltHex, 'hex'),
    credential.iterations,
    Buffer.from(credential.keyHex, 'hex'),
  );
  return verifyPassword(wire, password);
}

/** How many credential items the emulator acknowledged (success) so far. */
export function acknowledgedCount(emu: TenantEmulator): number {
  let n = 0;
  for (const e of emu.admin.events('credentials')) {
    const batch = e.detail['batch'];
    if (Array.isArray(batch)) n += batch.filter((r: { result?: unknown }) => r.result === 'success').length;
  }
  return n;
}
