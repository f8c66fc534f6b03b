/**
 * The users table's geometry: fixed-height rows, the rows in view, and the window of rows read
 * from main around them (a buffer above and below), so only those are ever rendered.
 */
export const ROW_HEIGHT = 32;
export const VIEW_ROWS = 10;
export const BUFFER_ROWS = 10;

export interface RowWindow {
  readonly offset: number;
  readonly limit: number;
}

/** The first row to read for a scroll position: the buffer above the first row in view. */
export function firstRowToRead(scrollTop: number): number {
  return Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - BUFFER_ROWS);
}

export function rowWindow(first: number): RowWindow {
  return { offset: first, limit: VIEW_ROWS + 2 * BUFFER_ROWS };
}
