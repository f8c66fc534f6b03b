/**
 * AD puts the reason for a failed simple bind in the diagnostic text of result 49
 * ("AcceptSecurityContext error, data 775"): those codes decide which named error the user
 * sees. Messages carry the account name, never the password.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import type { ConnectionSettings } from '../settings.ts';
import { operationFailure } from './failures.ts';

/** AD's "data NNN" sub-codes of invalidCredentials (49). */
export const AdBindCode = {
  NoSuchUser: '525',
  WrongPassword: '52e',
  InvalidLogonHours: '530',
  InvalidWorkstation: '531',
  PasswordExpired: '532',
  AccountDisabled: '533',
  AccountExpired: '701',
  MustChangePassword: '773',
  AccountLocked: '775',
} as const;

export function adBindCode(message: string): string | null {
  return /\bdata ([0-9a-f]{3,4})\b/i.exec(message)?.[1]?.toLowerCase() ?? null;
}

export function bindFailure(error: unknown, username: string, settings: ConnectionSettings): AppError {
  if (error instanceof AppError) return error;
  const resultCode =
    error instanceof Error && 'code' in error && typeof error.code === 'number' ? error.code : null;
  const message = error instanceof Error ? error.message : '';
  const who = `"${username}"`;
  const fail = (code: ErrorCode, text: string, fix: string): AppError =>
    new AppError(code, text, fix, { cause: error });
  if (resultCode === 49) {
    switch (adBindCode(message)) {
      case AdBindCode.NoSuchUser:
      case AdBindCode.WrongPassword:
        return fail(
          ErrorCode.LdapInvalidCredentials,
          `The DC rejected the name or password of ${who}.`,
          'Check the account name (user@domain, DOMAIN\\user or its DN) and retype the password.',
        );
      case AdBindCode.AccountLocked:
        return fail(
          ErrorCode.LdapAccountLocked,
          `The account ${who} is locked out after too many wrong passwords.`,
          'Wait for the lockout to expire or ask an administrator to unlock it (Unlock-ADAccount, or samba-tool user unlock); then check the stored password.',
        );
      case AdBindCode.PasswordExpired:
        return fail(
          ErrorCode.LdapPasswordExpired,
          `The password of ${who} has expired.`,
          'Set a new password for the account (and consider "password never expires" for a service account).',
        );
      case AdBindCode.AccountDisabled:
        return fail(
          ErrorCode.LdapAccountDisabled,
          `The account ${who} is disabled.`,
          'Enable it (Enable-ADAccount, or samba-tool user enable) or use another account.',
        );
      case AdBindCode.AccountExpired:
        return fail(
          ErrorCode.LdapAccountExpired,
          `The account ${who} has expired.`,
          "Extend the account's expiry date (Set-ADAccountExpiration, or samba-tool user setexpiry --noexpiry).",
        );
      case AdBindCode.MustChangePassword:
        return fail(
          ErrorCode.LdapMustChangePassword,
          `The account ${who} must change its password before it can sign in.`,
          'Sign in once interactively to change it, or have an administrator set a password without "must change at next logon".',
        );
      case AdBindCode.InvalidLogonHours:
      case AdBindCode.InvalidWorkstation:
        return fail(
          ErrorCode.LdapBindFailed,
          `The account ${who} may not sign in from here or at this time.`,
          'Relax the account\'s logon hours or "log on to" workstation list.',
        );
      default:
        return fail(
          ErrorCode.LdapInvalidCredentials,
          `The DC rejected the credentials of ${who}.`,
          'Check the account name and password.',
        );
    }
  }
  if (resultCode === 8 || resultCode === 13)
    return fail(
      ErrorCode.LdapPlainRefused,
      'The DC requires an encrypted connection for this bind.',
      'Use LDAPS or StartTLS.',
    );
  return operationFailure(error, `bind as ${who}`, settings);
}
