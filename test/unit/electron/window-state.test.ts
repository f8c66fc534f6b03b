import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./electron-mock.ts'));
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWindowState, parseState } from '../../../electron/platform/window-state.ts';

describe('window state', () => {
  it('restores saved bounds that fit a display', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'phs-ws-')), 'state.json');
    writeFileSync(file, JSON.stringify({ bounds: { x: 100, y: 50, width: 1100, height: 700 }, maximized: true }));
    expect(loadWindowState(file)).toEqual({ bounds: { x: 100, y: 50, width: 1100, height: 700 }, maximized: true });
  });

  it('falls back to a centred default when the saved window is off-screen, corrupt or missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phs-ws-'));
    const off = join(dir, 'off.json');
    writeFileSync(off, JSON.stringify({ bounds: { x: 5000, y: 50, width: 1100, height: 700 } }));
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{not json');
    for (const file of [off, corrupt, join(dir, 'missing.json')]) {
      expect(loadWindowState(file)).toEqual({ bounds: { x: 360, y: 140, width: 1200, height: 800 }, maximized: false });
    }
  });

  it('never restores a window smaller than the minimum size', () => {
    expect(parseState({ bounds: { x: 0, y: 0, width: 10, height: 10 } })?.bounds).toEqual({ x: 0, y: 0, width: 960, height: 640 });
    expect(parseState({ bounds: { x: 'a', y: 0, width: 10, height: 10 } })).toBeNull();
  });
});
