/**
 * startTenantEmulator: an HTTPS server on 127.0.0.1 that plays a Microsoft Entra tenant for the
 * client code — OIDC authority (msal-node signs in to it for real), the Graph subset, the
 * credential endpoint — with fault injection and an admin API for tests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminRoutes, createAdmin, type EmulatorAdmin } from './admin.ts';
import { authorizeRoutes } from './authorize.ts';
import { EventLog, type EmulatorContext } from './context.ts';
import { credentialRoutes } from './credentials.ts';
import { deviceCodeRoutes } from './device-code.ts';
import { Faults, type FaultRule, type RateLimit } from './faults.ts';
import { Flows } from './flows.ts';
import { graphRoutes } from './graph.ts';
import { graphUserRoutes } from './graph-users.ts';
import { HttpProblem, matchRoute, sendJson, type Route } from './http.ts';
import { buildInfo, writeInfo, type TenantEmulatorInfo } from './info.ts';
import { oidcRoutes } from './oidc.ts';
import { loadOrSeed } from './state.ts';
import { TenantStore } from './store.ts';
import { ensureEmulatorTls } from './tls.ts';
import { tokenRoutes } from './token-endpoint.ts';
import { TokenIssuer } from './tokens.ts';

export interface TenantEmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Folder for the CA and server certificate (default: a new temporary folder). */
  readonly dir?: string;
  /** Persist the tenant (users, credentials, settings, refresh grants) in this file. */
  readonly stateFile?: string;
  /** Write the info JSON here. */
  readonly infoFile?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly accessTokenLifetimeSeconds?: number;
  readonly refreshTokenLifetimeSeconds?: number;
  readonly deviceCodeIntervalSeconds?: number;
  readonly deviceCodeLifetimeSeconds?: number;
  readonly graphPageSize?: number;
  /** Caps every Graph page (default 999), so a client's `$top=999` still pages through a small tenant. */
  readonly graphMaxPageSize?: number;
  readonly faultSeed?: number;
  readonly faults?: readonly FaultRule[];
  readonly credentialRateLimit?: RateLimit;
}

export interface TenantEmulator {
  readonly info: TenantEmulatorInfo;
  readonly url: string;
  readonly admin: EmulatorAdmin;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function safeId(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== undefined && /^[A-Za-z0-9-]{1,100}$/.test(v) ? v : undefined;
}

/** Returns true when a fault answered (or dropped) the request. */
async function injectFault(faults: Faults, ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  if (path.startsWith('/_admin/')) return false;
  const rule = faults.match(req.method ?? 'GET', path);
  if (rule === undefined) return false;
  ctx.events.add('fault', { kind: rule.kind, path, status: rule.status ?? null });
  if (rule.kind === 'drop') {
    req.socket.destroy();
    return true;
  }
  if (rule.kind === 'slow') {
    await sleep(rule.delayMs ?? 1000);
    return false;
  }
  const status = rule.status ?? 503;
  const headers: Record<string, string> = rule.retryAfterSeconds === undefined ? {} : { 'retry-after': String(rule.retryAfterSeconds) };
  const code = status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
  sendJson(res, status, { error: { code, message: `Injected fault: HTTP ${status}.` } }, headers);
  return true;
}

export async function startTenantEmulator(options: TenantEmulatorOptions = {}): Promise<TenantEmulator> {
  // A folder made here is the emulator's own: it goes when the emulator closes.
  const ownDir = options.dir === undefined ? mkdtempSync(join(tmpdir(), 'phs-tenant-emu-')) : undefined;
  const dir = options.dir ?? ownDir!;
  const tls = ensureEmulatorTls(dir);
  const state = await loadOrSeed(options.stateFile, { ...(options.tenantId ? { tenantId: options.tenantId } : {}), ...(options.clientId ? { clientId: options.clientId } : {}) });
  const store = new TenantStore(state, options.stateFile);
  store.changed();
  const server = createServer({ key: tls.keyPem, cert: tls.certPem });
  const port = await listen(server, options.port ?? 0);
  const baseUrl = `https://127.0.0.1:${port}`;
  const ctx: EmulatorContext = {
    store, baseUrl, events: new EventLog(),
    tokens: new TokenIssuer(state, baseUrl, {
      accessTokenSeconds: options.accessTokenLifetimeSeconds ?? 3600,
      refreshTokenSeconds: options.refreshTokenLifetimeSeconds ?? 90 * 86_400,
    }),
    deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds ?? 5,
    deviceCodeLifetimeSeconds: options.deviceCodeLifetimeSeconds ?? 900,
    graphPageSize: options.graphPageSize ?? 100,
    graphMaxPageSize: options.graphMaxPageSize ?? 999,
  };
  const faults = new Faults(options.faultSeed ?? 1, options.credentialRateLimit ?? { items: 7000, windowSeconds: 300 });
  for (const rule of options.faults ?? []) faults.add(rule);
  const flows = new Flows();
  const admin = createAdmin(ctx, faults);
  const adminKey = randomBytes(24).toString('base64url');
  const routes: Route[] = [
    ...oidcRoutes(ctx), ...authorizeRoutes(ctx, flows), ...tokenRoutes(ctx, flows), ...deviceCodeRoutes(ctx, flows),
    ...graphRoutes(ctx), ...graphUserRoutes(ctx), ...credentialRoutes(ctx, faults), ...adminRoutes(admin, adminKey),
  ];

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const requestId = randomUUID();
      res.setHeader('request-id', requestId);
      res.setHeader('x-ms-request-id', requestId);
      res.setHeader('client-request-id', safeId(req.headers['client-request-id']) ?? requestId);
      try {
        if (await injectFault(faults, ctx, req, res, url.pathname)) return;
        const found = matchRoute(routes, req.method ?? 'GET', url.pathname);
        if (found === undefined) return sendJson(res, 404, { error: { code: 'NotFound', message: `No route for ${req.method} ${url.pathname}.` } });
        await found.route.handler({ req, res, url, params: found.params, requestId });
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        if (error instanceof HttpProblem) return sendJson(res, error.status, error.body);
        console.error('tenant emulator: handler failed', error);
        sendJson(res, 500, { error: { code: 'InternalServerError', message: 'The emulator failed to handle the request.' } });
      }
    })();
  });

  const info = buildInfo(state, baseUrl, tls.caFile, adminKey, tls.spkiSha256);
  if (options.infoFile !== undefined) writeInfo(options.infoFile, info);
  return {
    info, url: baseUrl, admin,
    close: () => new Promise<void>((resolve) => {
      server.close(() => {
        if (ownDir !== undefined) rmSync(ownDir, { recursive: true, force: true });
        resolve();
      });
      server.closeAllConnections();
    }),
  };
}
