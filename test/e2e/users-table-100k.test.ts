/**
 * The users table at 100,000 users, in Chromium, with the real dispatcher and EngineService over a
 * stand-in engine whose state store holds 100,000 records: only the visible rows are rendered,
 * scrolling keeps them bounded, a jump to the end shows the last user and the Result filter finds
 * the failed ones. Behaviour only: how fast it scrolls is measured by `npm run bench:table` (the
 * same probe), not asserted here; the figures are logged.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './app-fixture.ts';
import { figuresLine, probeUsersTable } from './users-table-probe.ts';

const harness = useHarness();
const USERS = 100_000;
/** The header row and the visible rows with their buffer (10 + 2 × 10). */
const MAX_TABLE_ROWS = 31;

describe('the users table at 100,000 users', () => {
  it('renders only the visible rows, jumps to the last user and filters', { timeout: 120_000 }, async () => {
    const f = await probeUsersTable(harness(), { users: USERS, frames: 240 });
    console.log(`[users-table-100k] ${figuresLine(f)}`);

    expect(f.rowsBefore).toBeGreaterThan(1);
    expect(f.rowsBefore).toBeLessThanOrEqual(MAX_TABLE_ROWS);
    expect(f.rowsAfterScroll).toBeGreaterThan(1);
    expect(f.rowsAfterScroll).toBeLessThanOrEqual(MAX_TABLE_ROWS);
    expect(f.maxRowsWhileScrolling).toBeLessThanOrEqual(MAX_TABLE_ROWS - 1);
    expect(f.rowsAfterJump).toBeLessThanOrEqual(MAX_TABLE_ROWS);

    expect(f.lastUser).toBe('user099999');
    expect(f.lastUserShown).toBe(true);
    expect(f.failedShown).toBe(2_000);

    for (const intervals of [f.scrollFrames, f.idleFrames]) {
      expect(intervals).toHaveLength(240);
      for (const ms of intervals) {
        expect(Number.isFinite(ms)).toBe(true);
        expect(ms).toBeGreaterThan(0);
      }
    }
    expect(f.pageErrors).toEqual([]);
  });
});
