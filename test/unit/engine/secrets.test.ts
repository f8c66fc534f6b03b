import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors.ts';
import { anchorOf } from './fakes/directory.ts';
import { Harness } from './fakes/harness.ts';

let h: Harness;
afterEach(async () => h?.close());

describe('secrets', () => {
  it('never reach the store, a log line, an event or an error — even through failures and tenant messages', async () => {
    h = await Harness.create({ settings: { cycleAttempts: 1 } });
    const hashes = h.directory.data.objects
      .filter((o) => o.passwordVersion !== null)
      .map((o) => h.directory.currentHash(o.objectGuid)!.toString('hex'));
    h.sink.script = (batch, call) => {
      if (call === 1) return new AppError(ErrorCode.TenantUnavailable, 'busy', 'wait');
      // A careless service echoing the credential in its message:
      return batch.map((i) =>
        i.sourceAnchor === anchorOf(h.directory.byName('user2')!.objectGuid)
          ? {
              sourceAnchor: i.sourceAnchor,
              outcome: 'rejectedFormat' as const,
              code: 7,
              message: `bad credential ${i.credentialData} for ${hashes[0]}`,
            }
          : { sourceAnchor: i.sourceAnchor, outcome: 'success' as const, code: 0 },
      );
    };
    await h.engine.fullSync();
    h.directory.setPassword(h.directory.byName('user1')!.objectGuid);
    await h.engine.syncNow();
    await h.engine.diagnose('user2');
    await h.store.compact();
    const texts = [
      ...readdirSync(h.dir).map((name) => readFileSync(join(h.dir, name), 'utf8')),
      h.logs.lines.join('\n'),
      JSON.stringify(h.events),
      JSON.stringify(h.engine.status()),
    ];
    expect(h.user('user2')).toMatchObject({ result: 'failed', errorCode: 'rejectedFormat' });
    for (const text of texts) {
      expect(text).not.toContain('PPH1_MD4');
      for (const hex of hashes) expect(text.toLowerCase()).not.toContain(hex);
    }
  });
});
