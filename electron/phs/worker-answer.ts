/** What a hash worker answers to each message (hash-worker.ts is only the thread's plumbing). */
import { defaultCryptoDeps, type CryptoDeps } from '../self-test/crypto-deps.ts';
import { runChecks } from '../self-test/run-checks.ts';
import { hashBatch } from './hash-batch.ts';
import { isHashRequest, isSelfTestRequest, type HashReply, type SelfTestReply } from './worker-protocol.ts';

/** The reply to `message`, or null for a message that is not ours. `deps`: test stubs only. */
export function answer(
  message: unknown,
  deps: CryptoDeps = defaultCryptoDeps,
): HashReply | SelfTestReply | null {
  if (isSelfTestRequest(message))
    return { type: 'selfTestResult', id: message.id, results: runChecks('worker', deps) };
  if (!isHashRequest(message)) return null;
  try {
    return { type: 'result', batchId: message.batchId, wires: hashBatch(message) };
  } catch (error) {
    message.ntHashes.fill(0);
    return {
      type: 'error',
      batchId: message.batchId,
      message: error instanceof Error ? error.message : 'hash failed',
    };
  }
}
