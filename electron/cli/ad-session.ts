/** What `phs ad …` subcommands share: a logger for --verbose and a session that always closes. */
import { createLogger, silentLogger, type Logger } from '../../shared/logger.ts';
import type { DirectoryService, DirectorySession } from '../directory/ldap/index.ts';
import type { DirectoryConfig } from './ad-config.ts';
import type { CliIo } from './io.ts';

export function cliLogger(io: CliIo, verbose: boolean): Logger {
  if (!verbose) return silentLogger;
  return createLogger({
    process: 'cli',
    level: 'debug',
    sinks: [{ write: (line) => void io.stderr.write(`${line}\n`) }],
  });
}

export async function withSession<T>(
  service: DirectoryService,
  config: DirectoryConfig,
  work: (session: DirectorySession) => Promise<T>,
): Promise<T> {
  const session = await service.connect(config.settings, config.credentials);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
