/**
 * Reads a secret from standard input: the whole content when piped (minus one trailing line
 * ending), or one line typed at a terminal with echo off. Bytes must be valid UTF-8.
 */
import { UsageError, type CliIo } from './io.ts';

const MAX_BYTES = 64 * 1024;

export async function readSecret(io: CliIo, prompt: string): Promise<string> {
  const bytes = io.stdin.isTTY && io.stdin.setRawMode ? await readHiddenLine(io, prompt) : await readAll(io);
  try {
    return stripOneLineEnding(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UsageError('standard input is not valid UTF-8 text.');
  } finally {
    bytes.fill(0);
  }
}

export function stripOneLineEnding(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n')) return text.slice(0, -1);
  return text;
}

async function readAll(io: CliIo): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BYTES)
      throw new UsageError(`standard input is larger than ${MAX_BYTES} bytes; pass only the password.`);
    chunks.push(buf);
  }
  const all = Buffer.concat(chunks);
  for (const c of chunks) c.fill(0);
  return all;
}

function readHiddenLine(io: CliIo, prompt: string): Promise<Buffer> {
  const stdin = io.stdin;
  io.stderr.write(prompt);
  stdin.setRawMode?.(true);
  return new Promise<Buffer>((resolve, reject) => {
    let line = Buffer.alloc(0);
    const done = (error?: Error): void => {
      stdin.setRawMode?.(false);
      stdin.off('data', onData);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: Buffer): void => {
      for (const byte of chunk) {
        if (byte === 0x03) return done(new UsageError('cancelled.'));
        if (byte === 0x0d || byte === 0x0a || byte === 0x04) return done();
        if (byte === 0x7f || byte === 0x08) line = line.subarray(0, Math.max(0, line.length - 1));
        else line = Buffer.concat([line, Buffer.from([byte])]);
        if (line.length > MAX_BYTES) return done(new UsageError('the typed password is too long.'));
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
