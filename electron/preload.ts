/**
 * The preload: exposes exactly one API object, `window.phs`, built from the contract's channel
 * lists. The renderer never sees ipcRenderer; unknown channels are refused here as well as in main.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventChannel, InvokeChannel } from '../shared/contract.ts';
import { BRIDGE_GLOBAL } from '../shared/api.ts';
import { EVENT_WIRE_PREFIX } from '../shared/ipc-envelope.ts';

/**
 * The contract's channel names, inlined at build time by scripts/preload-build.ts (esbuild
 * `define`): importing the contract itself would bundle zod into the sandboxed preload.
 */
declare const PHS_CONTRACT_CHANNELS: { readonly invoke: readonly string[]; readonly events: readonly string[] };

const invokeChannels: ReadonlySet<string> = new Set(PHS_CONTRACT_CHANNELS.invoke);
const eventChannels: ReadonlySet<string> = new Set(PHS_CONTRACT_CHANNELS.events);

const api = {
  invoke(channel: InvokeChannel, request: unknown): Promise<unknown> {
    if (!invokeChannels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void {
    if (!eventChannels.has(channel)) throw new Error(`Unknown event ${String(channel)}`);
    const wire = `${EVENT_WIRE_PREFIX}${channel}`;
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(wire, handler);
    return () => void ipcRenderer.removeListener(wire, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
