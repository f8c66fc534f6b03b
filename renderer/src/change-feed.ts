/**
 * A "something changed" signal with two sources: a push from main, and announcements made in this
 * window. Each listener hears both; `on` returns what unsubscribes it from both.
 */
export interface ChangeFeed {
  readonly on: (listener: () => void) => () => void;
  readonly announce: () => void;
}

export function createChangeFeed(onPush: (listener: () => void) => () => void): ChangeFeed {
  const local = new Set<() => void>();
  return {
    on: (listener) => {
      // Its own entry: the same function registered twice is two subscriptions.
      const entry = (): void => listener();
      local.add(entry);
      const offPush = onPush(entry);
      return () => {
        local.delete(entry);
        offPush();
      };
    },
    announce: () => {
      for (const listener of [...local]) listener();
    },
  };
}
