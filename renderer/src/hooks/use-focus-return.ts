/**
 * Keeps keyboard focus in the page when a busy state ends: the Cancel button or spinner that
 * held it is gone, so unless the result took focus itself, the first button in `container`
 * (the one that started the work) gets it back.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusReturn(busy: boolean, container: RefObject<HTMLElement | null>): void {
  const wasBusy = useRef(busy);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (!ended) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body && active.isConnected) return;
    container.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  }, [busy, container]);
}
