/**
 * The CLI's config file (`phs run|sync|status|enable|disable|diagnose --config <file.json>`):
 *   { "directory": <the directory file's keys: shared/directory-connection.ts>,
 *     "tenant": <the tenant file's JSON (the emulator's, or a real tenant's) or a path to it>,
 *     "scope"?: { "includeOUs": [DN…], "excludeOUs": [DN…] },
 *     "sync"?: { "pollSeconds": n, "stagingMode": false },
 *     "stateDir": "<folder>" }
 * The directory password may come from PHS_AD_PASSWORD, which wins over the file (as for `phs ad`). Unknown keys and bad values are
 * rejected with the key's path named; relative paths are relative to the config file.
 * Inside "tenant", keys other than the tenant file's are ignored, as electron/tenant/config.ts does.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { directoryConnectionSchema, zodProblems } from '../../shared/directory-connection.ts';
import { AppError, ErrorCode } from '../../shared/errors.ts';
import { resolveDirectoryConnection, type DirectoryConnection } from '../directory/connection-config.ts';
import { parseDn } from '../engine/dn.ts';
import { Scope, type ScopeConfig } from '../engine/scope.ts';
import type { EngineSettings } from '../engine/settings.ts';

export interface EngineConfig {
  /** The DC and the account, resolved (trust read, password from the environment or the file). */
  readonly directory: DirectoryConnection;
  /** The tenant description inline (caFile made absolute), or the path of a tenant file. */
  readonly tenant: { readonly inline: Readonly<Record<string, unknown>> } | { readonly file: string };
  readonly scope: ScopeConfig;
  readonly sync: { readonly pollSeconds: number; readonly stagingMode: boolean };
  readonly stateDir: string;
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const dn = nonEmpty.refine(
  (v) => parseDn(v).ok,
  'must be a distinguished name, e.g. OU=Staff,DC=example,DC=com',
);
const httpsUrl = z.string().refine((v) => /^https:\/\/[^\s]+$/.test(v), 'must be an https:// URL');
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const schema = z.strictObject({
  directory: directoryConnectionSchema,
  tenant: z.union(
    [
      nonEmpty,
      z.looseObject({
        authority: httpsUrl.optional(),
        clientId: guid.optional(),
        tenantId: guid.optional(),
        caFile: nonEmpty.optional(),
        graphBaseUrl: httpsUrl.optional(),
        credentialsUrl: httpsUrl.optional(),
      }),
    ],
    { error: "must be the tenant file's JSON object or the path of a tenant file" },
  ),
  scope: z
    .strictObject({ includeOUs: z.array(dn).default([]), excludeOUs: z.array(dn).default([]) })
    .optional(),
  sync: z
    .strictObject({
      pollSeconds: z.number().min(1, 'must be at least 1').max(86_400, 'must be at most 86400').optional(),
      stagingMode: z.boolean().optional(),
    })
    .optional(),
  stateDir: nonEmpty,
});

function invalid(where: string, problems: readonly string[]): AppError {
  return new AppError(
    ErrorCode.ConfigInvalid,
    `The config file ${where} is invalid: ${problems.join('; ')}.`,
    'Fix the named keys. Keys: directory {url, startTls?, caFile? or fingerprint?, serverName?, timeoutMs?, username, password?}, tenant, scope? {includeOUs, excludeOUs}, sync? {pollSeconds, stagingMode}, stateDir.',
  );
}

/** Validates a parsed config; `baseDir` resolves relative paths, `env` may hold the password. */
export function parseEngineConfig(
  raw: unknown,
  options: {
    readonly baseDir: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly where?: string;
  },
): EngineConfig {
  const where = options.where ?? '';
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(where, zodProblems(parsed.error));
  const v = parsed.data;
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(options.baseDir, p));
  const scope: ScopeConfig = { includeOUs: v.scope?.includeOUs ?? [], excludeOUs: v.scope?.excludeOUs ?? [] };
  try {
    new Scope(scope); // rejects an OU both included and excluded, naming it
  } catch (error) {
    throw error instanceof AppError ? invalid(where, [error.message.replace(/\.$/, '')]) : error;
  }
  const tenant =
    typeof v.tenant === 'string'
      ? { file: abs(v.tenant) }
      : {
          inline:
            typeof v.tenant.caFile === 'string'
              ? { ...v.tenant, caFile: abs(v.tenant.caFile) }
              : { ...v.tenant },
        };
  return {
    directory: resolveDirectoryConnection(v.directory, {
      baseDir: options.baseDir,
      env: options.env,
      where: `${where || 'the config'}: directory`,
    }),
    tenant,
    scope,
    sync: { pollSeconds: v.sync?.pollSeconds ?? 3, stagingMode: v.sync?.stagingMode ?? false },
    stateDir: abs(v.stateDir),
  };
}

export function loadEngineConfig(
  file: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): EngineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read';
    throw new AppError(
      ErrorCode.ConfigInvalid,
      `The config file ${file} cannot be used: ${why}.`,
      'Check the path and that the file holds one JSON object.',
    );
  }
  return parseEngineConfig(raw, { baseDir: dirname(resolve(file)), env, where: file });
}

/** The engine settings a config file sets (the rest keep their defaults). */
export function settingsFromConfig(config: EngineConfig): Partial<EngineSettings> {
  return {
    scope: config.scope,
    stagingMode: config.sync.stagingMode,
    pollMs: config.sync.pollSeconds * 1000,
  };
}
