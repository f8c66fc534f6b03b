/**
 * The Electron adapter of the contract: registers one ipcMain handler per invoke channel and
 * refuses every sender that is not our window's main frame showing our own renderer.
 * Validation of arguments and the services themselves live in services/ (Electron-free).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { invokeChannels } from '../shared/contract.ts';
import { ErrorCode } from '../shared/errors.ts';
import { EVENT_WIRE_PREFIX, type Envelope } from '../shared/ipc-envelope.ts';
import type { Dispatch } from './services/dispatcher.ts';
import type { PushSender } from './services/push-queue.ts';
import type { Logger } from '../shared/logger.ts';

export interface TrustedRenderer {
  /** The webContents of the one window we created. */
  readonly webContents: () => WebContents | null;
  /** True for the URL our renderer is served from (file:// of dist/renderer, or the dev server). */
  readonly isAppUrl: (url: string) => boolean;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedRenderer): boolean {
  const contents = trusted.webContents();
  const frame = event.senderFrame;
  if (!contents || event.sender !== contents || !frame) return false;
  if (frame.parent !== null) return false;
  return trusted.isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, trusted: TrustedRenderer, log: Logger): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, trusted)) {
        log.warn('refused IPC from an untrusted sender', { channel });
        return {
          ok: false,
          error: { code: ErrorCode.UntrustedSender, message: 'This request did not come from the app window.', remediation: 'Nothing to do: the request was ignored.' },
        };
      }
      return dispatch(channel, request);
    });
  }
}

/** How main pushes an event to the window: one wire channel per contract event. */
export function pushSenderFor(trusted: TrustedRenderer): PushSender {
  return (channel, payload) => {
    const contents = trusted.webContents();
    if (contents && !contents.isDestroyed()) contents.send(`${EVENT_WIRE_PREFIX}${channel}`, payload);
  };
}
