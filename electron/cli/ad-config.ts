/**
 * The `--directory <file.json>` of `phs ad …`: where the DC is and who binds.
 *   { "url": "ldaps://dc1.example.com", "caFile"?: "ca.pem", "serverName"?: "dc1.example.com",
 *     "fingerprint"?: "AB:CD:…", "startTls"?: false, "timeoutMs"?: 15000,
 *     "username": "EXAMPLE\\svc-phs", "password"?: "…" }
 * The schema is shared/directory-connection.ts, the same as the engine config's "directory" block:
 * the password may come from PHS_AD_PASSWORD (it wins over the file); caFile is read relative to
 * the JSON file; without caFile or fingerprint the system's CA store is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { directoryConnectionSchema, zodProblems } from '../../shared/directory-connection.ts';
import { AppError } from '../../shared/errors.ts';
import { resolveDirectoryConnection, type DirectoryConnection } from '../directory/connection-config.ts';
import { UsageError } from './io.ts';

export { PASSWORD_ENV } from '../../shared/directory-connection.ts';
const MAX_CONFIG_BYTES = 256 * 1024;

export type DirectoryConfig = DirectoryConnection;

export function loadDirectoryConfig(file: string, env: NodeJS.ProcessEnv = process.env): DirectoryConfig {
  const parsed = directoryConnectionSchema.safeParse(readJson(file));
  if (!parsed.success)
    throw new UsageError(`${file} is not a valid directory file: ${zodProblems(parsed.error).join('; ')}.`);
  try {
    return resolveDirectoryConnection(parsed.data, {
      baseDir: path.dirname(path.resolve(file)),
      env,
      where: file,
    });
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${error.message} ${error.remediation}`);
    throw error;
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
