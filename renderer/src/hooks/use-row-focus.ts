/**
 * Keyboard focus in a virtualised list of rows: one row is the tab stop (roving tabindex); arrows,
 * Page Up/Down, Home and End move it, scroll it into view and focus it once it is rendered; Enter
 * or Space opens it. Rows are addressed by their absolute index, so only the visible ones exist.
 */
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

const STEP: Readonly<Record<string, (active: number, page: number, last: number) => number>> = {
  ArrowDown: (a) => a + 1,
  ArrowUp: (a) => a - 1,
  PageDown: (a, p) => a + p,
  PageUp: (a, p) => a - p,
  Home: () => 0,
  End: (_a, _p, last) => last,
};

export interface RowFocus {
  readonly active: number;
  /** Props of the row group that owns the keys. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Marks `index` as the tab stop (a click on a row). */
  readonly activate: (index: number) => void;
}

export function useRowFocus({
  scrollerRef,
  rendered,
  total,
  rowHeight,
  pageRows,
  onOpen,
}: {
  /** The scrolling element that holds the rows (each with data-index). */
  readonly scrollerRef: RefObject<HTMLElement | null>;
  /** What changes when other rows are rendered (the page of rows). */
  readonly rendered: unknown;
  readonly total: number;
  readonly rowHeight: number;
  readonly pageRows: number;
  readonly onOpen: (index: number) => void;
}): RowFocus {
  const [active, setActive] = useState(0);
  const [pendingFocus, setPendingFocus] = useState(false);
  const last = Math.max(0, total - 1);
  const clamped = Math.min(active, last);

  useEffect(() => {
    if (!pendingFocus) return;
    const row = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${clamped}"]`);
    if (row === null || row === undefined) return; // not rendered yet: the next page brings it
    row.focus({ preventScroll: true });
    setPendingFocus(false);
  }, [pendingFocus, clamped, rendered, scrollerRef]);

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(last, index));
    const scroller = scrollerRef.current;
    if (scroller !== null) {
      const top = next * rowHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) {
        scroller.scrollTop = top + rowHeight - scroller.clientHeight;
      }
    }
    setActive(next);
    setPendingFocus(true);
  };

  return {
    active: clamped,
    activate: (index) => setActive(index),
    onKeyDown: (event) => {
      if (total === 0) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onOpen(clamped);
        return;
      }
      const step = STEP[event.key];
      if (step === undefined) return;
      event.preventDefault();
      moveTo(step(clamped, pageRows, last));
    },
  };
}
