/**
 * What the preload does in the real app, done in the page for the harness: defines
 * `window.phs` (the PhsBridge) over the `__phsInvoke` binding, and `window.__phsEmit`, which
 * main-side pushes call to reach the listeners registered with `phs.on`.
 * These functions run in the page, not in Node: they may use nothing from their module.
 */

/** The few page globals these functions touch (this project's Node typecheck has no DOM lib). */
interface BridgeWindow {
  __phsInvoke(channel: string, request: unknown): Promise<unknown>;
  __phsEmit?(channel: string, payload: unknown): void;
}
declare const window: BridgeWindow;

export function installBridge(): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const phs = Object.freeze({
    invoke: (channel: string, request: unknown) => window.__phsInvoke(channel, request),
    on: (channel: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => void set.delete(listener);
    },
  });
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('a push listener threw', error);
      }
    }
  };
  Object.defineProperty(window, 'phs', { value: phs, enumerable: true });
  Object.defineProperty(window, '__phsEmit', { value: emit });
}

export function emitInPage({ channel, payload }: { channel: string; payload: unknown }): void {
  window.__phsEmit?.(channel, payload);
}
