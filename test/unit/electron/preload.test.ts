import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import { contextBridge, ipcRenderer } from './electron-mock.ts';
import type { PhsBridge } from '../../../shared/api.ts';
import { PRELOAD_CHANNELS_CONSTANT, preloadChannels } from '../../../scripts/preload-build.ts';

// What esbuild's `define` inlines in the built preload (scripts/preload-build.ts).
Object.assign(globalThis, { [PRELOAD_CHANNELS_CONSTANT]: preloadChannels() });
await import('../../../electron/preload.ts');
const api = contextBridge.exposed.get('phs') as PhsBridge;

describe('the preload', () => {
  it('exposes one API object and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['phs']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels and refuses others', async () => {
    await api.invoke('app:info', {});
    expect(ipcRenderer.invoked).toEqual([{ channel: 'app:info', request: {} }]);
    await expect(api.invoke('fs:readFile' as 'app:info', {})).rejects.toThrow('Unknown channel');
    expect(ipcRenderer.invoked).toHaveLength(1);
  });

  it('subscribes to contract events on their wire channel and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('app:notice', (payload) => seen.push(payload));
    const listeners = ipcRenderer.listeners.get('event:app:notice')!;
    expect(listeners.size).toBe(1);
    for (const l of listeners) l({ sender: null }, { level: 'info', message: 'x' });
    expect(seen).toEqual([{ level: 'info', message: 'x' }]);
    off();
    expect(listeners.size).toBe(0);
    expect(() => api.on('secrets:leak' as 'app:notice', () => undefined)).toThrow('Unknown event');
  });
});
