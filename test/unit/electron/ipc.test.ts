import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import { ipcMain, FakeWebContents } from './electron-mock.ts';
import { registerIpc, pushSenderFor, type TrustedRenderer } from '../../../electron/ipc.ts';
import { invokeChannels } from '../../../shared/contract.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { IpcMain, WebContents } from 'electron';
import { createLogger, memorySink } from '../../../shared/logger.ts';

const APP_URL = 'file:///opt/phs/dist/renderer/index.html';
const ours = new FakeWebContents();
const trusted: TrustedRenderer = { webContents: () => ours as unknown as WebContents, isAppUrl: (url) => url.split('#')[0] === APP_URL };
const dispatch = vi.fn(async (channel: unknown) => ({ ok: true as const, value: { channel } }));
registerIpc(ipcMain as unknown as IpcMain, dispatch, trusted, createLogger({ process: 'test', sinks: [memorySink()] }));

function call(channel: string, sender: unknown, frame: unknown, request: unknown = {}): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel)!;
  return Promise.resolve(handler({ sender, senderFrame: frame }, request));
}
const mainFrame = { url: `${APP_URL}#/welcome`, parent: null };

describe('ipc registration', () => {
  it('registers exactly the contract channels', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });

  it('dispatches requests from our window main frame', async () => {
    expect(await call('app:info', ours, mainFrame)).toEqual({ ok: true, value: { channel: 'app:info' } });
  });

  it.each([
    ['another webContents', new FakeWebContents(), mainFrame],
    ['a sub-frame', ours, { url: APP_URL, parent: { url: APP_URL } }],
    ['a page at another URL', ours, { url: 'https://evil.example/', parent: null }],
    ['no frame', ours, null],
  ])('refuses %s without calling the service', async (_name, sender, frame) => {
    dispatch.mockClear();
    const reply = (await call('app:info', sender, frame)) as { ok: boolean; error: { code: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe(ErrorCode.UntrustedSender);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('pushes events on their wire channel only while the window lives', () => {
    const send = pushSenderFor(trusted);
    send('app:notice', { level: 'info', message: 'hello' });
    expect(ours.sent).toEqual([{ channel: 'event:app:notice', payload: { level: 'info', message: 'hello' } }]);
    ours.destroyed = true;
    send('app:notice', { level: 'info', message: 'again' });
    expect(ours.sent).toHaveLength(1);
  });
});
