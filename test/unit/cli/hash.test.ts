import { describe, expect, it } from 'vitest';
import { PUBLISHED, PUBLISHED_WIRES } from '../../reference/published-answers.ts';
import { referenceWires, type ReferenceCase } from '../../reference/orgid-reference.ts';
import { seededRandom } from '../../reference/random.ts';
import { runPhs } from './run-cli.ts';

function randomPassword(random: ReturnType<typeof seededRandom>, kind: string): string {
  const pools: Record<string, string[]> = {
    ascii: [
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+[]{};:,.<>/?~ "\'\\',
    ],
    unicode: [...'äöüßéèçñøåæœłżščřğışاپالعربيةעבריתдомкитайский中文日本語한국어'],
    astral: ['😀', '🔑', '𝔘', '𝒜', '🏳️‍🌈', '𠜎', '𠜱', 'a', 'Z', '9'],
  };
  const chars = pools[kind] ?? pools['ascii']!;
  const length = 1 + random.int(30);
  return Array.from({ length }, () => random.pick(chars)).join('');
}

describe('phs hash', () => {
  it('reproduces the published vectors from a password on stdin and from an NT hash', () => {
    const fromPassword = runPhs(['hash', '--salt', '317ee9d1dec6508fa510'], 'Pa$$w0rd');
    expect(fromPassword).toMatchObject({ status: 0, stdout: `${PUBLISHED_WIRES[0]}\n`, stderr: '' });
    PUBLISHED.forEach((k, i) => {
      expect(runPhs(['hash', '--nt-hash', k.nt, '--salt', k.salt]).stdout).toBe(`${PUBLISHED_WIRES[i]}\n`);
    });
    expect(runPhs(['hash', '--salt', '01cda06eceb9d9bc2621'], '').stdout).toBe(`${PUBLISHED_WIRES[2]}\n`);
  });

  it('strips exactly one trailing line ending from stdin', () => {
    expect(runPhs(['hash', '--salt', '317ee9d1dec6508fa510'], 'Pa$$w0rd\n').stdout).toBe(
      `${PUBLISHED_WIRES[0]}\n`,
    );
    expect(runPhs(['hash', '--salt', '317ee9d1dec6508fa510'], 'Pa$$w0rd\r\n').stdout).toBe(
      `${PUBLISHED_WIRES[0]}\n`,
    );
    expect(runPhs(['hash', '--salt', '317ee9d1dec6508fa510'], 'Pa$$w0rd\n\n').stdout).not.toBe(
      `${PUBLISHED_WIRES[0]}\n`,
    );
  });

  it('agrees with an independent reference on random unicode, astral, empty and 127-character passwords at 1000 and 100 iterations', async () => {
    const random = seededRandom(20261126);
    const cases: ReferenceCase[] = [];
    for (const iterations of [1000, 100]) {
      const passwords = ['', 'x'.repeat(127), randomPassword(random, 'ascii').padEnd(127, 'ü').slice(0, 127)];
      for (const kind of ['ascii', 'unicode', 'astral', 'unicode', 'astral'])
        passwords.push(randomPassword(random, kind));
      for (const password of passwords)
        cases.push({ password, salt: random.bytes(10).toString('hex'), iterations });
    }
    const expected = await referenceWires(cases);
    cases.forEach((c, i) => {
      const out = runPhs(
        ['hash', '--salt', c.salt, '--iterations', String(c.iterations)],
        Buffer.from(c.password, 'utf8'),
      );
      expect(out.status, JSON.stringify(c.password)).toBe(0);
      expect(out.stdout.trim(), JSON.stringify(c.password)).toBe(expected[i]);
    });
  }, 60_000);

  it('draws a random salt when none is given', () => {
    const a = runPhs(['hash'], 'same').stdout;
    const b = runPhs(['hash'], 'same').stdout;
    expect(a).toMatch(/^v1;PPH1_MD4,[0-9a-f]{20},1000,[0-9a-f]{64};\n$/);
    expect(a).not.toBe(b);
  });

  it.each([
    [['hash', '--salt', '317ee9d1dec6508fa5'], 'must be exactly 20 hex digits'],
    [['hash', '--salt', '317ee9d1dec6508fa5zz'], 'must be hexadecimal'],
    [['hash', '--salt', '317ee9d1dec6508fa510', '--iterations', '0'], 'at least 1'],
    [['hash', '--salt', '317ee9d1dec6508fa510', '--iterations=-5'], 'whole number'],
    [
      ['hash', '--salt', '317ee9d1dec6508fa510', '--iterations', '-5'],
      "'--iterations' argument is ambiguous",
    ],
    [['hash', '--salt'], "'--salt <value>' argument missing"],
    [['hash', '--salt', '317ee9d1dec6508fa510', '--iterations', 'many'], 'whole number'],
    [['hash', '--nt-hash', 'abc'], 'must be exactly 32 hex digits'],
    [['hash', '--bogus'], "Unknown option '--bogus'"],
    [['hash', 'extra'], 'Unexpected argument'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('refuses %j with one clear line and exit code 2', (args, message) => {
    const out = runPhs(args, 'pw');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses stdin that is not UTF-8 with exit code 2', () => {
    const out = runPhs(['hash', '--salt', '317ee9d1dec6508fa510'], Buffer.from([0x50, 0xff, 0xfe]));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('not valid UTF-8');
  });

  it('explains itself', () => {
    const main = runPhs(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toContain('Usage: phs <command>');
    expect(main.stdout).toContain('hash');
    const hash = runPhs(['hash', '--help']);
    expect(hash.status).toBe(0);
    expect(hash.stdout).toContain('--salt');
    expect(hash.stdout).toContain('--iterations');
    expect(hash.stdout).toContain('--nt-hash');
    expect(runPhs(['help', 'hash']).stdout).toBe(hash.stdout);
  });
});
