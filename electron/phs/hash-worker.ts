/**
 * The hash worker thread: receives batches of NT hashes, returns wire strings.
 * PBKDF2 runs synchronously here on purpose: one worker keeps exactly one core busy.
 */
import { parentPort } from 'node:worker_threads';
import { hashBatch } from './hash-batch.ts';
import { isHashRequest, type HashReply } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('hash-worker.ts must run as a worker thread');

port.on('message', (message: unknown) => {
  if (!isHashRequest(message)) return;
  let reply: HashReply;
  try {
    reply = { type: 'result', batchId: message.batchId, wires: hashBatch(message) };
  } catch (error) {
    message.ntHashes.fill(0);
    reply = { type: 'error', batchId: message.batchId, message: error instanceof Error ? error.message : 'hash failed' };
  }
  port.postMessage(reply);
});
