/**
 * The loopback listener of an interactive sign-in: HTTP on 127.0.0.1 (random port), redirect URI
 * http://localhost:<port> (what a public client registers as http://localhost). It accepts the
 * authorization response by form_post (or query), only with the expected state, answers the
 * browser with a short page and resolves once. Bounded by a timeout and an abort signal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError, AppError, ErrorCode } from '../../shared/errors.ts';

export interface AuthorizationReply {
  readonly code?: string;
  readonly clientInfo?: string;
  readonly state: string;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly suberror?: string;
}

export interface Loopback {
  readonly redirectUri: string;
  /** Resolves with the first reply carrying the expected state. */
  readonly reply: Promise<AuthorizationReply>;
  close(): void;
}

const MAX_BODY = 64 * 1024;
const PAGE = (text: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PHS Sync</title></head><body><p id="result">${text}</p></body></html>`;

async function readParams(req: IncomingMessage): Promise<URLSearchParams> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'POST') return url.searchParams;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function toReply(p: URLSearchParams, state: string): AuthorizationReply {
  const field = (name: string, as: keyof AuthorizationReply): Record<string, string> => {
    const v = p.get(name);
    return v === null ? {} : { [as]: v };
  };
  return {
    state,
    ...field('code', 'code'), ...field('client_info', 'clientInfo'), ...field('error', 'error'),
    ...field('error_description', 'errorDescription'), ...field('suberror', 'suberror'),
  };
}

export async function startLoopback(expectedState: string, timeoutMs: number, signal?: AbortSignal): Promise<Loopback> {
  let settle: { resolve: (r: AuthorizationReply) => void; reject: (e: Error) => void } | undefined;
  const reply = new Promise<AuthorizationReply>((resolve, reject) => (settle = { resolve, reject }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readParams(req).then((params) => {
      const states = params.getAll('state');
      if (!params.has('code') && !params.has('error')) return void res.writeHead(404).end();
      if (states.length !== 1 || states[0] !== expectedState) return void res.writeHead(400, { 'content-type': 'text/html' }).end(PAGE('This sign-in reply does not belong to the running sign-in.'));
      const r = toReply(params, expectedState);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
      res.end(PAGE(r.error === undefined ? 'Signed in. You can close this window and return to PHS Sync.' : 'Sign-in failed. Return to PHS Sync for details.'));
      settle?.resolve(r);
    }, () => void res.writeHead(400).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const timer = setTimeout(() => settle?.reject(new AppError(ErrorCode.Timeout, 'Nobody completed the sign-in in the browser in time.', 'Start the sign-in again and finish it in the browser window that opens.')), timeoutMs);
  const onAbort = (): void => settle?.reject(new CancelledError('The sign-in was cancelled.'));
  signal?.addEventListener('abort', onAbort, { once: true });
  const close = (): void => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    server.closeAllConnections();
  };
  reply.catch(() => undefined);
  return { redirectUri: `http://localhost:${port}`, reply, close };
}
