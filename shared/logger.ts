/**
 * One structured logger per process: JSON lines with time, level, process tag and fields,
 * redacted before they are written (see redact.ts). Sinks: memory here; a rotating file and
 * stderr in electron/log/ (they need Node). Pure, so every process and the engine share it.
 */
import { redactText, redactValue } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface LogSink {
  write(line: string): void;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

const ORDER: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  readonly process: string;
  readonly sinks: readonly LogSink[];
  readonly level?: LogLevel;
  readonly scope?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const min = ORDER[options.level ?? 'info'];
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (ORDER[level] < min) return;
    const record = {
      time: new Date().toISOString(),
      level,
      process: options.process,
      ...(options.scope === undefined ? {} : { scope: options.scope }),
      message: redactText(message),
      ...(fields === undefined ? {} : { fields: redactValue(fields) }),
    };
    const line = JSON.stringify(record);
    for (const sink of options.sinks) sink.write(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (scope) => createLogger({ ...options, scope: options.scope ? `${options.scope}.${scope}` : scope }),
  };
}

export function memorySink(): LogSink & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line) => void lines.push(line) };
}

export const silentLogger: Logger = createLogger({ process: 'silent', sinks: [] });
