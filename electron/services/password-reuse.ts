/**
 * Which password a directory test binds with: the one the request carries, or one main already
 * has for the same account AND the same target (held since the last successful test, or saved by
 * Configure). A request that names another host, port, TLS mode, certificate name or trust must
 * carry the password itself: otherwise a compromised renderer could aim the replication account's
 * password at a server of its own.
 */
import type { DirectoryDraft } from '../../shared/directory-schemas.ts';
import {
  describeTarget,
  sameDirectoryTarget,
  targetOf,
  type DirectoryTarget,
} from '../../shared/directory-target.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import type { DirectoryCredential } from './secret-store.ts';

/** A password main knows, with the target it may be sent to (null: none, it predates binding). */
export interface KnownCredential extends DirectoryCredential {
  readonly target: DirectoryTarget | null;
}

function passwordMissing(): AppError {
  return new AppError(
    ErrorCode.InvalidArgument,
    "Enter the account's password.",
    'Correct the highlighted fields and test the connection again.',
  );
}

export function notReusable(
  username: string,
  known: DirectoryTarget | null,
  asked: DirectoryTarget,
): AppError {
  const where =
    known === null
      ? 'was saved before passwords were bound to a domain controller'
      : `is kept for ${describeTarget(known)} and the trust chosen there`;
  const sameAddress = known !== null && describeTarget(known) === describeTarget(asked);
  return new AppError(
    ErrorCode.DirectoryPasswordNotReusable,
    `The password of ${username} ${where}; it is not sent to ${describeTarget(asked)}${sameAddress ? ' with another certificate name or trust' : ''}.`,
    "Enter the account's password to test this connection: a saved password is only sent to the domain controller, port and trust it was tested with.",
  );
}

/** The password to bind with, or a named refusal; `known` in order of preference (held, then saved). */
export function passwordFor(
  draft: DirectoryDraft,
  given: string | undefined,
  known: readonly (KnownCredential | undefined)[],
): string {
  if (given !== undefined) return given;
  const username = draft.username.trim();
  const asked = targetOf(draft);
  const sameAccount = known.filter((c): c is KnownCredential => c !== undefined && c.username === username);
  const match = sameAccount.find((c) => c.target !== null && sameDirectoryTarget(c.target, asked));
  if (match !== undefined) return match.password;
  const other = sameAccount[0];
  if (other !== undefined) throw notReusable(username, other.target, asked);
  throw passwordMissing();
}

/** The saved credential when it was saved for this draft's account and target (what the engine may use). */
export function savedFor(
  draft: DirectoryDraft | null,
  saved: KnownCredential | undefined,
): DirectoryCredential | undefined {
  if (draft === null || saved === undefined || saved.target === null) return undefined;
  if (saved.username !== draft.username.trim() || !sameDirectoryTarget(saved.target, draft)) return undefined;
  return { username: saved.username, password: saved.password };
}
