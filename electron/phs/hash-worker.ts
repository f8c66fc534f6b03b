/**
 * The hash worker thread: receives batches of NT hashes, returns wire strings; on request, runs
 * the crypto self-test's checks in this thread. PBKDF2 runs synchronously here on purpose: one
 * worker keeps exactly one core busy.
 */
import { parentPort } from 'node:worker_threads';
import { answer } from './worker-answer.ts';

const port = parentPort;
if (!port) throw new Error('hash-worker.ts must run as a worker thread');

port.on('message', (message: unknown) => {
  const reply = answer(message);
  if (reply !== null) port.postMessage(reply);
});
