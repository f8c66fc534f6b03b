/**
 * Storing one accepted credential, whoever delivers it (our engine through the credential
 * endpoint, or "another sync client" through the admin API): the verifier the password grant
 * checks, Graph's lastPasswordChangeDateTime (the change date it accepted), and the organisation's
 * heartbeat (onPremisesLastSyncDateTime, onPremisesLastPasswordSyncDateTime). An older change than
 * the stored one is a no-op (ProvisionCredentials' staleIgnored).
 */
import type { TenantStore } from './store.ts';
import type { EmulatorUser } from './state.ts';

export interface AcceptedCredential {
  readonly salt: Buffer;
  readonly iterations: number;
  readonly key: Buffer;
  /** When the password changed on premises (epoch ms), as the client sent it. */
  readonly changeDate: number;
  readonly forceChangePasswordOnLogon: boolean;
}

export function recordCredential(store: TenantStore, user: EmulatorUser, c: AcceptedCredential): 'success' | 'staleIgnored' {
  const stored = user.credential;
  if (stored !== null && Date.parse(stored.changeDate) > c.changeDate) return 'staleIgnored';
  const changeDate = new Date(c.changeDate).toISOString();
  user.credential = {
    saltHex: c.salt.toString('hex'), iterations: c.iterations, keyHex: c.key.toString('hex'),
    changeDate, forceChangePasswordOnLogon: c.forceChangePasswordOnLogon,
  };
  user.lastPasswordChangeDateTime = changeDate;
  const now = new Date().toISOString();
  store.state.onPremisesLastSyncDateTime = now;
  store.state.onPremisesLastPasswordSyncDateTime = now;
  return 'success';
}
