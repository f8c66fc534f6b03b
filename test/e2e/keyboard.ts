/** Keyboard-only moves through the app, each bounded, each checked against what has focus. */
import type { Page } from 'playwright-core';
import { focusedElement, type FocusedElement } from './page-probes.ts';

const MAX_PRESSES = 25;

/** Presses `key` until the focused element satisfies `wanted`; fails after MAX_PRESSES. */
export async function pressUntil(
  page: Page,
  key: string,
  wanted: (el: FocusedElement) => boolean,
  what: string,
): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let i = 0; i < MAX_PRESSES; i++) {
    await page.keyboard.press(key);
    const el = await focusedElement(page);
    if (el !== null && wanted(el)) return el;
    seen.push(el === null ? '(body)' : `${el.tag}[${el.role ?? ''}] "${el.text.slice(0, 30)}"`);
  }
  throw new Error(
    `${what}: not reached with ${key} after ${MAX_PRESSES} presses; focus went ${seen.join(' → ')}`,
  );
}

export const isNavTab = (route?: string) => (el: FocusedElement) =>
  el.role === 'tab' && (route === undefined || el.route === route);
export const isButton = (label: string) => (el: FocusedElement) =>
  el.tag === 'button' && el.role === null && el.text === label;

/** Waits until the page heading with `title` is shown and has focus; says where focus is if not. */
export async function expectHeadingFocused(page: Page, title: string, timeoutMs = 5_000): Promise<void> {
  await page.locator('h1#page-heading', { hasText: title }).waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let el = await focusedElement(page);
  while (el?.id !== 'page-heading' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    el = await focusedElement(page);
  }
  if (el?.id !== 'page-heading') {
    throw new Error(
      `"${title}" is shown but focus is on ${el === null ? 'the body' : `${el.tag} "${el.text.slice(0, 40)}"`}, not its heading`,
    );
  }
}
