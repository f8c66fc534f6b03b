/**
 * Keyboard-only moves through the wizard's forms: Tab until the wanted control has focus (by its
 * label or text, as a screen reader would name it), then type, press Space or Enter.
 */
import type { Page } from 'playwright-core';
import { focusedElement, type FocusedElement } from './page-probes.ts';

const MAX_TABS = 80;

const matches = (value: string, wanted: string | RegExp): boolean =>
  typeof wanted === 'string' ? value.replace(/\s*\*$/, '').trim() === wanted : wanted.test(value);

export const isField = (label: string | RegExp) => (el: FocusedElement) =>
  (el.tag === 'input' || el.tag === 'textarea') && matches(el.label, label);
export const isControl = (label: string | RegExp) => (el: FocusedElement) =>
  matches(el.label, label) || matches(el.text, label);
export const isButtonNamed = (name: string | RegExp) => (el: FocusedElement) =>
  (el.tag === 'button' || el.role === 'button') && (matches(el.label, name) || matches(el.text, name));
export const isLinkNamed = (name: string | RegExp) => (el: FocusedElement) =>
  el.tag === 'a' && (matches(el.label, name) || matches(el.text, name));
export const isTreeItem = (name: string | RegExp) => (el: FocusedElement) =>
  el.role === 'treeitem' && matches(el.text, name);

/** Presses Tab (or Shift+Tab) until `wanted` has focus; fails saying where focus went. */
export async function tabTo(
  page: Page,
  wanted: (el: FocusedElement) => boolean,
  what: string,
  key = 'Tab',
): Promise<FocusedElement> {
  const current = await focusedElement(page);
  if (current !== null && wanted(current)) return current;
  const seen: string[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press(key);
    const el = await focusedElement(page);
    if (el !== null && wanted(el)) return el;
    seen.push(el === null ? '(body)' : `${el.tag}[${el.role ?? ''}] "${(el.label || el.text).slice(0, 30)}"`);
  }
  throw new Error(
    `${what}: not reached with ${key} after ${MAX_TABS} presses; focus went ${seen.join(' → ')}`,
  );
}

/** Tabs to the field labelled `label` and replaces its value by typing `text`. */
export async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  await tabTo(page, isField(label), `the "${String(label)}" field`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text !== '') await page.keyboard.type(text);
}

/** Tabs to the button and presses Enter. */
export async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  await tabTo(page, isButtonNamed(name), `the "${String(name)}" button`);
  await page.keyboard.press('Enter');
}

/** Arrows through a tree until the item whose text matches `name` has focus. */
export async function arrowToTreeItem(page: Page, name: string | RegExp): Promise<void> {
  for (const key of ['ArrowDown', 'ArrowUp'] as const) {
    for (let i = 0; i < 30; i++) {
      const el = await focusedElement(page);
      if (el !== null && isTreeItem(name)(el)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`the tree item "${String(name)}" was not reached with the arrow keys`);
}
