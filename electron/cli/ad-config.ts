/**
 * The `--directory <file.json>` of `phs ad …`: where the DC is and who binds.
 *   { "url": "ldaps://dc1.example.com", "caFile"?: "ca.pem", "serverName"?: "dc1.example.com",
 *     "fingerprint"?: "AB:CD:…", "startTls"?: false, "timeoutMs"?: 15000,
 *     "username": "EXAMPLE\\svc-phs", "password"?: "…" }
 * The password may instead come from PHS_AD_PASSWORD (it wins over the file). caFile is read
 * relative to the JSON file. Without caFile or fingerprint the system's CA store is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import {
  parseDirectoryUrl,
  validateCredentials,
  validateSettings,
  type ConnectionSettings,
  type Credentials,
  type TrustMode,
} from '../directory/ldap/index.ts';
import { UsageError } from './io.ts';

export const PASSWORD_ENV = 'PHS_AD_PASSWORD';
const MAX_CONFIG_BYTES = 256 * 1024;

const configSchema = z.strictObject({
  url: z.string().min(1),
  caFile: z.string().min(1).optional(),
  serverName: z.string().min(1).optional(),
  fingerprint: z.string().min(1).optional(),
  startTls: z.boolean().optional(),
  timeoutMs: z.number().int().optional(),
  username: z.string().min(1),
  password: z.string().optional(),
});

export interface DirectoryConfig {
  readonly settings: ConnectionSettings;
  readonly credentials: Credentials;
}

export function loadDirectoryConfig(file: string, env: NodeJS.ProcessEnv = process.env): DirectoryConfig {
  const raw = readJson(file);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new UsageError(`${file} is not a valid directory file: ${problems}.`);
  }
  const config = parsed.data;
  if (config.caFile !== undefined && config.fingerprint !== undefined)
    throw new UsageError(`${file}: give either caFile or fingerprint, not both.`);
  const password =
    env[PASSWORD_ENV] !== undefined && env[PASSWORD_ENV] !== '' ? env[PASSWORD_ENV] : config.password;
  if (password === undefined || password === '')
    throw new UsageError(
      `no password: put it in ${file} ("password") or in the environment variable ${PASSWORD_ENV}.`,
    );
  try {
    const settings: ConnectionSettings = {
      ...parseDirectoryUrl(config.url, config.startTls ?? false),
      trust: trustMode(file, config.caFile, config.fingerprint),
      ...(config.serverName === undefined ? {} : { serverName: config.serverName }),
      ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    };
    return {
      settings: validateSettings(settings),
      credentials: validateCredentials({ username: config.username, password }),
    };
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${file}: ${error.message} ${error.remediation}`);
    throw error;
  }
}

function trustMode(file: string, caFile: string | undefined, fingerprint: string | undefined): TrustMode {
  if (fingerprint !== undefined) return { kind: 'pinned', sha256: fingerprint };
  if (caFile === undefined) return { kind: 'system' };
  const caPath = path.resolve(path.dirname(file), caFile);
  try {
    return { kind: 'pem', pem: fs.readFileSync(caPath, 'utf8') };
  } catch (error) {
    throw new UsageError(
      `cannot read the CA file ${caPath}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`,
    );
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_CONFIG_BYTES)
      throw new UsageError(`${file} is larger than ${MAX_CONFIG_BYTES} bytes.`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    // Not the parser's message: it may quote the file's content, password included.
    throw new UsageError(`${file} is not valid JSON.`);
  }
}
