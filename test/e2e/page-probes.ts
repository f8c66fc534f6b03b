/**
 * Questions the tests ask the page. Each probe's callback runs in the page (Playwright
 * serialises it), so it may use only page globals, declared here in the few shapes used:
 * this project's Node typecheck has no DOM lib.
 */
import type { Page } from 'playwright-core';

interface ProbeElement {
  readonly tagName: string;
  readonly id: string;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly labels?: ArrayLike<ProbeElement> | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly right: number; readonly width: number };
}
interface ProbeStyle {
  readonly overflowX: string;
  readonly textOverflow: string;
  readonly backgroundColor: string;
}
declare const document: {
  readonly activeElement: ProbeElement | null;
  readonly documentElement: ProbeElement;
  querySelector(selector: string): ProbeElement | null;
  getElementById(id: string): ProbeElement | null;
  querySelectorAll(selector: string): Iterable<ProbeElement>;
};
declare const window: { readonly __inlineScriptRan?: boolean };
declare function getComputedStyle(element: ProbeElement): ProbeStyle;

export interface FocusedElement {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
  readonly role: string | null;
  readonly route: string | null;
  /** The accessible name as the page states it: aria-label, aria-labelledby or a <label>. */
  readonly label: string;
}

export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el.tagName === 'BODY') return null;
    const byIds = (ids: string): string =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labelledBy = el.getAttribute('aria-labelledby');
    const label =
      el.getAttribute('aria-label') ??
      (labelledBy !== null ? byIds(labelledBy) : (el.labels?.[0]?.textContent ?? ''));
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? '').trim(),
      role: el.getAttribute('role'),
      route: el.getAttribute('data-route'),
      label: label.trim(),
    };
  });
}

/** Describes every horizontal scrollbar on the page: the document's and any scrollable box's. */
export function horizontalScrollbars(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      found.push(`document: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll('body *')) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
        found.push(`${el.tagName.toLowerCase()}#${el.id}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return found;
  });
}

/** Text cut off with an ellipsis and no tooltip (title or aria-describedby) to read it whole. */
export function truncatedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (getComputedStyle(el).textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth) continue;
      if (el.getAttribute('title') === null && el.getAttribute('aria-describedby') === null)
        found.push((el.textContent ?? '').trim());
    }
    return found;
  });
}

export function backgroundColor(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el === null ? null : getComputedStyle(el).backgroundColor;
  }, selector);
}

export function cspMetaContent(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
}

export function inlineScriptRan(page: Page): Promise<boolean> {
  return page.evaluate(() => window.__inlineScriptRan === true);
}

/** Relative luminance (0..1) of a CSS `rgb()`/`rgba()` colour. */
export function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Elements whose box reaches past the window's right edge: what makes a page scroll sideways. */
export function elementsPastRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 0.5)
        found.push(
          `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0] ?? ''} right=${Math.round(box.right)} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        );
    }
    return found.slice(0, 10);
  });
}
