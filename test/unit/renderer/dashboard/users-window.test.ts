/** The users table reads only the rows around the view: the window follows the scroll position. */
import { describe, expect, it } from 'vitest';
import {
  BUFFER_ROWS,
  firstRowToRead,
  ROW_HEIGHT,
  rowWindow,
  VIEW_ROWS,
} from '../../../../renderer/src/dashboard/users-window.ts';

describe('the users window', () => {
  it('starts at the top until the view is past the buffer', () => {
    expect(firstRowToRead(0)).toBe(0);
    expect(firstRowToRead(BUFFER_ROWS * ROW_HEIGHT)).toBe(0);
    expect(firstRowToRead((BUFFER_ROWS + 1) * ROW_HEIGHT)).toBe(1);
  });

  it('keeps a buffer above the first row in view, and moves by whole rows', () => {
    expect(firstRowToRead(50_000 * ROW_HEIGHT + ROW_HEIGHT - 1)).toBe(50_000 - BUFFER_ROWS);
  });

  it('reads the rows in view and a buffer above and below', () => {
    expect(rowWindow(40)).toEqual({ offset: 40, limit: VIEW_ROWS + 2 * BUFFER_ROWS });
  });
});
