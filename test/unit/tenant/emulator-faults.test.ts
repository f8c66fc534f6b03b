import { describe, expect, it } from 'vitest';
import { Faults, seededRandom } from '../../lab/tenant/faults.ts';

describe('the emulator fault injector', () => {
  it('draws the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('matches rules by method and path prefix, for the next N requests', () => {
    const f = new Faults(1, { items: 100, windowSeconds: 60 });
    f.add({ kind: 'status', status: 429, path: '/graph/', count: 2 });
    f.add({ kind: 'drop', method: 'POST', path: '/provisioning/' });
    expect(f.match('GET', '/oidc')).toBeUndefined();
    expect(f.match('GET', '/graph/v1.0/me')?.status).toBe(429);
    expect(f.match('GET', '/graph/v1.0/me')?.status).toBe(429);
    expect(f.match('GET', '/graph/v1.0/me')).toBeUndefined();
    expect(f.match('GET', '/provisioning/x')).toBeUndefined();
    expect(f.match('POST', '/provisioning/x')?.kind).toBe('drop');
    expect(f.match('POST', '/provisioning/x')).toBeUndefined();
  });

  it('applies a probability rule reproducibly', () => {
    const run = (): boolean[] => {
      const f = new Faults(9, { items: 1, windowSeconds: 1 });
      f.add({ kind: 'status', status: 503, probability: 0.5 });
      return Array.from({ length: 20 }, () => f.match('GET', '/') !== undefined);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(3);
    expect(first.filter(Boolean).length).toBeLessThan(17);
  });

  it('throttles credential items past the rate limit and says when to come back', () => {
    const f = new Faults(1, { items: 2, windowSeconds: 60 });
    expect(f.takeCredentialBudget()).toEqual({ ok: true });
    expect(f.takeCredentialBudget()).toEqual({ ok: true });
    const third = f.takeCredentialBudget();
    expect(third.ok).toBe(false);
    expect(third.ok === false && third.retryAfterSeconds).toBeGreaterThan(55);
  });
});
