/**
 * The emulator's small HTTP toolkit: a route table matched by method and path pattern, bounded
 * body readers (form, JSON) and reply helpers for JSON, HTML and Entra-shaped errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { aadErrorBody, type AadError } from './aad-errors.ts';

export interface Ctx {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Capture groups of the route's pattern, decoded. */
  readonly params: readonly string[];
  readonly requestId: string;
}

export type Handler = (ctx: Ctx) => Promise<void> | void;

export interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly handler: Handler;
}

const MAX_BODY = 4 * 1024 * 1024;

/** A reply decided while handling (bad body, too large): sent as JSON with this status. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;
  constructor(status: number, body: Record<string, unknown>) {
    super(`HTTP ${status}`);
    this.name = 'HttpProblem';
    this.status = status;
    this.body = body;
  }
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.path.exec(path);
    if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? '')) };
  }
  return undefined;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new HttpProblem(413, { error: 'request_too_large' });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)).toString('utf8'));
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, {
      error: { code: 'BadRequest', message: 'The request body is not valid JSON.' },
    });
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action *",
  });
  res.end(html);
}

export function sendAad(res: ServerResponse, error: AadError): void {
  sendJson(res, error.status, aadErrorBody(error));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Header value as one string (first of repeated headers). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
