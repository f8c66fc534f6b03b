/**
 * Remembers the window's bounds between runs (in the user-data folder) and restores them only
 * when they still fit on a connected display.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 640;
const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: false };

export function loadWindowState(file: string): WindowState {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const state = parseState(raw);
    if (state && fitsADisplay(state.bounds)) return state;
  } catch {
    // No saved state yet, or unreadable: start with the default.
  }
  const area = screen.getPrimaryDisplay().workArea;
  const width = Math.min(DEFAULT.bounds.width, area.width);
  const height = Math.min(DEFAULT.bounds.height, area.height);
  return { bounds: { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }, maximized: false };
}

export function trackWindowState(window: BrowserWindow, file: string): void {
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  };
  window.on('close', save);
}

export function parseState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as { bounds?: Partial<Rectangle>; maximized?: unknown };
  const b = r.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const bounds = { x: b.x!, y: b.y!, width: Math.max(MIN_WIDTH, b.width!), height: Math.max(MIN_HEIGHT, b.height!) };
  return { bounds, maximized: r.maximized === true };
}

function fitsADisplay(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => bounds.x >= a.x && bounds.y >= a.y && bounds.x + bounds.width <= a.x + a.width && bounds.y + bounds.height <= a.y + a.height);
}
