/**
 * The credential delivery port, with the semantics of Entra's ProvisionCredentials: a batch of
 * items in, one result per item out (same order). Transports (the emulator's HTTPS endpoint
 * today, the real provisioning service later) implement CredentialSink; whole-batch failures
 * are thrown as AppErrors (RetryableError when a retry can help).
 */

export interface CredentialItem {
  /** The user's source anchor (onPremisesImmutableId). */
  readonly sourceAnchor: string;
  /** The PHS wire string "v1;PPH1_MD4,<salt>,<iterations>,<key>;". */
  readonly credentialData: string;
  readonly forceChangePasswordOnLogon: boolean;
  /** When the password changed on premises (ISO 8601): the latest change wins, older ones are no-ops. */
  readonly changeDate: string;
}

export const CREDENTIAL_OUTCOMES = [
  'success', 'staleIgnored', 'unknownUser', 'rejectedFormat', 'throttled', 'unavailable', 'invalidItem', 'failed',
] as const;
export type CredentialOutcome = (typeof CREDENTIAL_OUTCOMES)[number];

/** Outcomes worth sending again (after a wait). */
export const RETRYABLE_OUTCOMES: ReadonlySet<CredentialOutcome> = new Set(['throttled', 'unavailable']);
/** Outcomes that mean the cloud holds this change (applied now, or a newer one already). */
export const DELIVERED_OUTCOMES: ReadonlySet<CredentialOutcome> = new Set(['success', 'staleIgnored']);

export interface CredentialResult {
  readonly sourceAnchor: string;
  readonly outcome: CredentialOutcome;
  /** The service's result code (0 = success). */
  readonly code: number;
  readonly message?: string;
  readonly retryAfterMs?: number;
}

export interface CredentialSink {
  /** Delivers one batch; resolves with exactly one result per item, in item order. */
  deliver(items: readonly CredentialItem[], signal?: AbortSignal): Promise<readonly CredentialResult[]>;
  /** The largest batch the transport accepts. */
  readonly maxBatchSize: number;
}
