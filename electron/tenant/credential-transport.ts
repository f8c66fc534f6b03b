/**
 * The CredentialSink for the tenant emulator's HTTPS credential endpoint:
 *   POST <credentialsUrl> {items:[…]} → {results:[{index, sourceAnchor, resultCode, result, message?, retryAfterSeconds?}]}
 * One attempt per call (retries belong to deliverCredentials); replies are validated and matched
 * to items by index, so a short or reordered reply cannot mislabel an item.
 */
import { z } from 'zod';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { silentLogger, type Logger } from '../../shared/logger.ts';
import { authorizedJson, errorForStatus } from './authorized-request.ts';
import { CREDENTIAL_OUTCOMES, type CredentialItem, type CredentialResult, type CredentialSink } from '../engine/ports.ts';
import type { HttpsClient } from './https-client.ts';
import type { TokenProvider } from './tenant-auth.ts';

const reply = z.object({
  results: z.array(z.object({
    index: z.number().int().min(0),
    sourceAnchor: z.string(),
    resultCode: z.number().int(),
    result: z.string(),
    message: z.string().optional(),
    retryAfterSeconds: z.number().min(0).optional(),
  })),
});

export interface HttpsCredentialSinkOptions {
  readonly credentialsUrl: string;
  readonly tokens: TokenProvider;
  readonly http: HttpsClient;
  readonly logger?: Logger;
}

function outcomeOf(result: string): CredentialResult['outcome'] {
  return (CREDENTIAL_OUTCOMES as readonly string[]).includes(result) ? (result as CredentialResult['outcome']) : 'failed';
}

export class HttpsCredentialSink implements CredentialSink {
  readonly maxBatchSize = 1000;
  readonly #o: HttpsCredentialSinkOptions;
  readonly #log: Logger;

  constructor(options: HttpsCredentialSinkOptions) {
    this.#o = options;
    this.#log = (options.logger ?? silentLogger).child('tenant.credentials');
  }

  async deliver(items: readonly CredentialItem[], signal?: AbortSignal): Promise<readonly CredentialResult[]> {
    const res = await authorizedJson(this.#o.http, this.#o.tokens, {
      method: 'POST', url: this.#o.credentialsUrl, body: { items }, ...(signal ? { signal } : {}),
    }, this.#log);
    if (res.status === 409) {
      throw new AppError(ErrorCode.CredentialRejected, 'The tenant does not accept password hashes: password hash synchronization is off.',
        'Turn it on: directory synchronization (onPremisesSyncEnabled) and the passwordSyncEnabled feature.');
    }
    if (res.status < 200 || res.status >= 300) throw errorForStatus(res, 'credential delivery');
    const parsed = reply.safeParse(res.body);
    if (!parsed.success) throw new AppError(ErrorCode.TenantRequestFailed, 'The credential endpoint sent an unreadable reply.', 'Check credentialsUrl in the tenant file.');
    const byIndex = new Map(parsed.data.results.map((r) => [r.index, r]));
    return items.map((item, i): CredentialResult => {
      const r = byIndex.get(i);
      if (r === undefined || r.sourceAnchor !== item.sourceAnchor) {
        return { sourceAnchor: item.sourceAnchor, outcome: 'unavailable', code: -1, message: 'No result for this item; it is sent again.' };
      }
      return {
        sourceAnchor: item.sourceAnchor, outcome: outcomeOf(r.result), code: r.resultCode,
        ...(r.message === undefined ? {} : { message: r.message }),
        ...(r.retryAfterSeconds === undefined ? {} : { retryAfterMs: r.retryAfterSeconds * 1000 }),
      };
    });
  }
}
