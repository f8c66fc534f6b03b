/** The "engine changed" signal: a push from main and an announcement in the window both reach every listener. */
import { describe, expect, it } from 'vitest';
import { createChangeFeed } from '../../../renderer/src/change-feed.ts';

function pushSource() {
  const listeners = new Set<() => void>();
  return {
    on: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    push: () => {
      for (const l of [...listeners]) l();
    },
    get count() {
      return listeners.size;
    },
  };
}

describe('the change feed', () => {
  it('tells each listener of pushes and of announcements', () => {
    const source = pushSource();
    const feed = createChangeFeed(source.on);
    const heard: string[] = [];
    feed.on(() => heard.push('a'));
    feed.on(() => heard.push('b'));
    source.push();
    feed.announce();
    expect(heard).toEqual(['a', 'b', 'a', 'b']);
  });

  it('unsubscribes from both sources, one subscription at a time', () => {
    const source = pushSource();
    const feed = createChangeFeed(source.on);
    let heard = 0;
    const listener = (): void => void heard++;
    const off = feed.on(listener);
    feed.on(listener);
    off();
    expect(source.count).toBe(1);
    source.push();
    feed.announce();
    expect(heard).toBe(2);
  });
});
