/**
 * A tiny static file server for the built renderer, on 127.0.0.1 and a free port. It serves
 * files only: no directory listings, nothing outside its root (after decoding and symlinks),
 * GET and HEAD only, with correct content types and `nosniff`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = await realpath(rootDir);
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => send(response, 500, 'Internal error'));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const file = await resolveFile(root, request.url ?? '/');
  if (file === 'forbidden') return send(response, 403, 'Forbidden');
  if (file === 'missing') return send(response, 404, 'Not found');
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file.path).pipe(response);
}

async function resolveFile(
  root: string,
  rawUrl: string,
): Promise<{ path: string; size: number } | 'forbidden' | 'missing'> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return 'forbidden';
  }
  if (pathname.includes('\0')) return 'forbidden';
  if (pathname.endsWith('/')) pathname += 'index.html';
  const candidate = resolve(root, `.${pathname}`);
  if (!inside(root, candidate)) return 'forbidden';
  try {
    const real = await realpath(candidate);
    if (!inside(root, real)) return 'forbidden';
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : 'missing';
  } catch {
    return 'missing';
  }
}

function inside(root: string, path: string): boolean {
  return path.startsWith(root + sep);
}

function send(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(text);
}
