/** The Active Directory form's fields and their messages, from the validators main uses too. */
import type { DirectoryTransport, TrustChoice } from '../../../shared/directory-schemas.ts';
import { checkAccount, checkHost, checkPort, checkServerName } from '../../../shared/validators.ts';

export interface DirectoryForm {
  readonly host: string;
  readonly port: string;
  readonly transport: DirectoryTransport;
  readonly serverName: string;
  readonly username: string;
  readonly password: string;
  readonly trust: TrustChoice;
}

export type FieldName = 'host' | 'port' | 'transport' | 'serverName' | 'username' | 'password' | 'trust';

/** `passwordKnown`: main holds (or saved) the password of this account, so it may stay empty. */
export function directoryErrors(
  form: DirectoryForm,
  passwordKnown: boolean,
): Partial<Record<FieldName, string>> {
  const errors: Record<FieldName, string | undefined> = {
    host: checkHost(form.host),
    port:
      checkPort(form.port.trim()) === undefined
        ? undefined
        : 'Enter a port from 1 to 65535 (636 for LDAPS, 389 for StartTLS).',
    serverName: checkServerName(form.serverName),
    username: checkAccount(form.username),
    password: form.password === '' && !passwordKnown ? "Enter the account's password." : undefined,
    trust:
      form.trust.kind === 'pem' && form.trust.file === '' ? 'Choose the CA certificate file.' : undefined,
    transport: undefined,
  };
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as Partial<
    Record<FieldName, string>
  >;
}

export function hasErrors(errors: Partial<Record<FieldName, string>>): boolean {
  return Object.keys(errors).length > 0;
}
