/**
 * Named drsuapi failures: DRS WERROR codes by name, missing replication rights (which one, and
 * the command that grants it), authentication failures, unexpected replies, unknown users and
 * unusable cursors. Messages never carry secrets, only names, codes and DNs.
 */
import { AppError, ErrorCode } from '../../../../shared/errors.ts';
import { formatStatus } from '../rpc/faults.ts';

const WERRORS: ReadonlyMap<number, string> = new Map([
  [0x00000005, 'ERROR_ACCESS_DENIED'],
  [0x00000006, 'ERROR_INVALID_HANDLE'],
  [0x00000008, 'ERROR_NOT_ENOUGH_MEMORY'],
  [0x00000032, 'ERROR_NOT_SUPPORTED'],
  [0x00000057, 'ERROR_INVALID_PARAMETER'],
  [0x0000051a, 'ERROR_REVISION_MISMATCH'],
  [0x0000208d, 'ERROR_DS_OBJ_NOT_FOUND'],
  [0x000020e2, 'ERROR_DS_DRA_SCHEMA_MISMATCH'],
  [0x000020e4, 'ERROR_DS_CANT_FIND_EXPECTED_NC'],
  [0x000020f4, 'ERROR_DS_DRA_GENERIC'],
  [0x000020f5, 'ERROR_DS_DRA_INVALID_PARAMETER'],
  [0x000020f6, 'ERROR_DS_DRA_BUSY'],
  [0x000020f7, 'ERROR_DS_DRA_BAD_DN'],
  [0x000020f8, 'ERROR_DS_DRA_BAD_NC'],
  [0x000020fa, 'ERROR_DS_DRA_INTERNAL_ERROR'],
  [0x000020fe, 'ERROR_DS_DRA_OUT_OF_MEM'],
  [0x00002103, 'ERROR_DS_DRA_DB_ERROR'],
  [0x00002104, 'ERROR_DS_DRA_NO_REPLICA'],
  [0x00002105, 'ERROR_DS_DRA_ACCESS_DENIED'],
  [0x00002108, 'ERROR_DS_DRA_SOURCE_DISABLED'],
  [0x0000210f, 'ERROR_DS_DRA_SHUTDOWN'],
  [0x00002191, 'ERROR_DS_DIFFERENT_REPL_EPOCHS'],
  [0x000021b6, 'ERROR_DS_DRA_SECRETS_DENIED'],
  [0x80090331, 'SEC_E_ALGORITHM_MISMATCH'],
]);

export const WERR_ACCESS_DENIED = 0x5;
export const WERR_DS_DRA_ACCESS_DENIED = 0x2105;
export const WERR_DS_DRA_BAD_DN = 0x20f7;
export const WERR_DS_OBJ_NOT_FOUND = 0x208d;
export const WERR_DS_DIFFERENT_REPL_EPOCHS = 0x2191;

export function werrorName(code: number): string {
  return WERRORS.get(code >>> 0) ?? 'unknown error';
}

export function isAccessDenied(code: number): boolean {
  return code === WERR_ACCESS_DENIED || code === WERR_DS_DRA_ACCESS_DENIED || code === 0x21b6;
}

const REPORT =
  'If the domain controller is a supported Windows Server or Samba AD version, export the log file and report it.';

/** A DRS call answered with a WERROR other than success. */
export class DrsrCallError extends AppError {
  readonly werror: number;
  constructor(call: string, werror: number, detail = '') {
    const access = isAccessDenied(werror);
    super(
      access ? ErrorCode.DrsrAccessDenied : ErrorCode.DrsrError,
      `The domain controller refused ${call}: ${formatStatus(werror)} ${werrorName(werror)}${detail}.`,
      access
        ? 'Check that the sync account has the "Replicating Directory Changes" and "Replicating Directory Changes All" rights on the domain root.'
        : werror === WERR_DS_DIFFERENT_REPL_EPOCHS
          ? 'The domain was renamed or restored since the last sync: reconnect and run a full synchronisation.'
          : REPORT,
    );
    this.name = 'DrsrCallError';
    this.werror = werror >>> 0;
  }
}

export type ReplicationRight = 'Get-Changes' | 'Get-Changes-All';

const RIGHTS: Readonly<
  Record<ReplicationRight, { readonly guid: string; readonly label: string; readonly car: string }>
> = {
  'Get-Changes': {
    guid: '1131f6aa-9c07-11d1-f79f-00c04fc2dcd2',
    label: 'Replicating Directory Changes',
    car: 'get-changes',
  },
  'Get-Changes-All': {
    guid: '1131f6ad-9c07-11d1-f79f-00c04fc2dcd2',
    label: 'Replicating Directory Changes All',
    car: 'get-changes-all',
  },
};

export class DrsrMissingRightsError extends AppError {
  /** The rights proven missing. */
  readonly missing: readonly ReplicationRight[];
  /** Rights also required that could not be checked yet (Get-Changes-All without Get-Changes). */
  readonly unverified: readonly ReplicationRight[];
  constructor(
    missing: readonly ReplicationRight[],
    unverified: readonly ReplicationRight[],
    target: { readonly account: string; readonly accountDn: string | null; readonly ncDn: string },
  ) {
    const { account, accountDn, ncDn } = target;
    const describe = (r: ReplicationRight): string =>
      `"${RIGHTS[r].label}" (DS-Replication-${r}, ${RIGHTS[r].guid})`;
    const trustee = accountDn ?? `<DN of ${account}>`;
    const grant = [...missing, ...unverified].map(
      (r) =>
        `Samba: samba-tool dsacl set --objectdn="${ncDn}" --trusteedn="${trustee}" --car=${RIGHTS[r].car} --action=allow; ` +
        `Windows: dsacls "${ncDn}" /G "${account}:CA;${RIGHTS[r].label}"`,
    );
    const also =
      unverified.length === 0
        ? ''
        : ` It also needs ${unverified.map(describe).join(' and ')}, which cannot be checked before that.`;
    super(
      ErrorCode.DrsrMissingRights,
      `The account ${account} may not replicate password hashes from ${ncDn}: it lacks ${missing.map(describe).join(' and ')}.${also}`,
      `Grant the right${grant.length > 1 ? 's' : ''} on the domain root. ${grant.join('. ')}.`,
    );
    this.name = 'DrsrMissingRightsError';
    this.missing = missing;
    this.unverified = unverified;
  }
}

export function drsrAuthFailed(account: string, endpoint: string, cause?: unknown): AppError {
  return new AppError(
    ErrorCode.DrsrAuthFailed,
    `The domain controller at ${endpoint} rejected the credentials of ${account}.`,
    'Check the user name, the domain (NetBIOS name such as "CONTOSO", or use user@dns.domain) and the password of the sync account, and that the account is enabled and not locked out.',
    { cause },
  );
}

export function drsrUnexpected(detail: string): AppError {
  return new AppError(
    ErrorCode.DrsrUnexpectedReply,
    `The domain controller sent an unexpected replication reply: ${detail}.`,
    REPORT,
  );
}

export function drsrUserNotFound(name: string, why: string): AppError {
  return new AppError(
    ErrorCode.DrsrUserNotFound,
    `The user "${name}" was not found in the directory (${why}).`,
    'Give the sAMAccountName, the userPrincipalName (user@domain) or the full distinguished name of an existing user.',
  );
}

export function drsrCursorInvalid(detail: string): AppError {
  return new AppError(
    ErrorCode.DrsrCursorInvalid,
    `The saved replication cursor cannot be used: ${detail}.`,
    'Discard the saved cursor and run a full synchronisation; it produces a new cursor.',
  );
}
