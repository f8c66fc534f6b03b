/**
 * Configures the app through the wizard's services (not its pages, which wizard-walk covers):
 * the lab DC with its CA, the emulator's tenant signed in through the "system browser", the
 * lab's scope and a short poll, then Configure, which hands the first full sync to the engine.
 */
import { Attribute, Change } from 'ldapts';
import { expect } from 'vitest';
import type { LabInfo } from '../lab/lab-info.ts';
import { bindAs, labTarget, unicodePwd } from '../lab/ldap.ts';
import type { ConfigureResult } from '../../shared/wizard-schemas.ts';
import type { AppSession } from './harness.ts';
import type { SignInBrowser, WizardEnv } from './wizard-env.ts';

export async function configureThroughServices(
  session: AppSession,
  env: WizardEnv,
  signIn: SignInBrowser,
): Promise<ConfigureResult> {
  await prepareThroughServices(session, env, signIn);
  return session.wizard.wizard.configure();
}

/** Every wizard step done through the services, short of Configure. */
export async function prepareThroughServices(
  session: AppSession,
  env: WizardEnv,
  signIn: SignInBrowser,
): Promise<void> {
  const { lab, emu } = env;
  const { wizard, tenant } = session.wizard;
  const signal = AbortSignal.timeout(120_000);
  const outcome = await wizard.testDirectory(
    {
      host: lab.host,
      port: lab.ldapsPort,
      transport: 'ldaps',
      serverName: lab.serverName,
      username: lab.admin.username,
      trust: { kind: 'pem', file: lab.caFile },
    },
    lab.admin.password,
    signal,
  );
  expect(outcome.status).toBe('connected');
  const { authority, clientId, tenantId, graphBaseUrl, credentialsUrl, caFile } = emu.info;
  wizard.save({ tenantEndpoint: { authority, clientId, tenantId, graphBaseUrl, credentialsUrl, caFile } });
  signIn.account = emu.info.admin;
  await tenant.signIn('dashboard-e2e-signin', 'browser', signal);
  wizard.save({
    scope: { includedOus: [...lab.scope.includedOus], excludedOus: [...lab.scope.excludedOus] },
  });
  wizard.save({
    phs: {
      enabled: true,
      enforceCloudPasswordPolicy: false,
      syncTemporaryPasswords: false,
      stagingMode: false,
      pollIntervalSeconds: 5,
    },
  });
}

/** The progress pushes the page received, by phase. */
export function progressPhases(session: AppSession): string[] {
  return session.pushed
    .filter((p) => p.channel === 'engine:progress')
    .map((p) => (p.payload as { phase: string }).phase);
}

/** Sets a lab user's password as an admin would (then a delta cycle has something to deliver). */
export async function setLabPassword(lab: LabInfo, dn: string, password: string): Promise<void> {
  const client = await bindAs(labTarget(lab.caFile), lab.admin.username, lab.admin.password);
  try {
    await client.modify(
      dn,
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'unicodePwd', values: [unicodePwd(password)] }),
      }),
    );
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
