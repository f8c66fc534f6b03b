/** What `phs ad …` subcommands share: a logger for --verbose and a session that always closes. */
import { createLogger, silentLogger, type Logger } from '../../shared/logger.ts';
import type { DirectoryService, DirectorySession } from '../directory/ldap/index.ts';
import { loadDirectoryConfig, type DirectoryConfig } from './ad-config.ts';
import { UsageError, type CliIo } from './io.ts';

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

/** How every `phs ad` subcommand starts: its help when asked (then null), else the directory file, required. */
export function directoryOf(
  values: { readonly help?: boolean | undefined; readonly directory?: string | undefined },
  io: CliIo,
  help: string,
): DirectoryConfig | null {
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return null;
  }
  if (values.directory === undefined) throw new UsageError('--directory <file.json> is required.');
  return loadDirectoryConfig(values.directory);
}
