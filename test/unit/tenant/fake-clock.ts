/** A clock for retry tests: sleeping advances time instantly and is recorded. */
import type { Clock } from '../../../electron/engine/ports.ts';

export function fakeClock(random = 0.5): Clock & { readonly slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    random: () => random,
    sleep: (ms) => {
      now += ms;
      slept.push(ms);
      return Promise.resolve();
    },
  };
}
