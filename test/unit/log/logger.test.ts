import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../shared/logger.ts';
import { rotatingFileSink } from '../../../electron/log/rotating-file.ts';
import { REDACTED } from '../../../shared/redact.ts';

const dir = mkdtempSync(join(tmpdir(), 'phs-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the logger', () => {
  it('writes one JSON line per record with level, process and scope', () => {
    const sink = memorySink();
    createLogger({ process: 'main', sinks: [sink] }).child('ipc').info('hello', { n: 1 });
    const record = JSON.parse(sink.lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', process: 'main', scope: 'ipc', message: 'hello', fields: { n: 1 } });
  });

  it('drops records below its level', () => {
    const sink = memorySink();
    const log = createLogger({ process: 'main', sinks: [sink], level: 'warn' });
    log.info('no');
    log.warn('yes');
    expect(sink.lines).toHaveLength(1);
  });

  it('redacts secrets by field name, by shape and inside nested values', () => {
    const sink = memorySink();
    createLogger({ process: 'main', sinks: [sink] }).error('bind failed for 92937945b518814341de3f726500d4ff', {
      password: 'Pa$$w0rd',
      user: { name: 'alice', ntHash: 'aa', sessionKey: 'bb' },
      refresh_token: 'x',
      wire: 'v1;PPH1_MD4,317ee9d1dec6508fa510,1000,7eaea8e1628dffee62cf319f4e1fc05254da30a1d42ff755ff352f5b13497531;',
      jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl',
      bytes: Buffer.from('secret'),
      error: new Error('value 31d6cfe0d16ae931b73c59d7e0c089c0'),
    });
    const line = sink.lines[0]!;
    for (const secret of ['Pa$$w0rd', '92937945b518814341de3f726500d4ff', '7eaea8e1628d', 'eyJhbGciOiJSUzI1NiJ9', 'secret', '31d6cfe0d16ae931b73c59d7e0c089c0']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain(REDACTED);
    expect(line).toContain('alice');
  });

  it('rotates its file by size and keeps a bounded number of old files', () => {
    const file = join(dir, 'main.log');
    const log = createLogger({ process: 'main', sinks: [rotatingFileSink({ file, maxBytes: 1000, keep: 2 })] });
    for (let i = 0; i < 100; i++) log.info(`line ${i}`, { padding: 'x'.repeat(50) });
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    expect(readFileSync(file, 'utf8').length).toBeLessThanOrEqual(1000);
    expect(readFileSync(file, 'utf8')).toContain('line 99');
  });
});
