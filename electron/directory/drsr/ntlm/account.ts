/** The directory account as NTLM wants it: DOMAIN\name → user and domain; a UPN goes whole, with an empty domain. */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';

export interface NtlmAccount {
  readonly username: string;
  readonly domain: string;
}

export function ntlmAccount(username: string): NtlmAccount {
  const slash = username.indexOf('\\');
  if (slash > 0 && slash < username.length - 1)
    return { domain: username.slice(0, slash), username: username.slice(slash + 1) };
  if (/^[^@\s]+@[^@\s]+$/.test(username)) return { username, domain: '' };
  throw new AppError(
    ErrorCode.ConfigInvalid,
    `The username "${username}" cannot be used for replication (RPC).`,
    'Write it as DOMAIN\\name or name@domain in the directory settings.',
  );
}
