/** Log lines to standard error (the CLI's and the service's sink). */
import type { LogSink } from '../../shared/logger.ts';

export function stderrSink(): LogSink {
  return { write: (line) => void process.stderr.write(`${line}\n`) };
}
