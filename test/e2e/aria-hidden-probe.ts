/**
 * Watches the page through every transition for focusable content inside an `aria-hidden`
 * region while no modal dialog is open (axe's aria-hidden-focus, but at every DOM mutation and
 * every frame, not only when a scan happens to run). While a modal is open, hiding the rest is
 * the point (axe then reports "needs review", not a violation); the moment none is, nothing
 * focusable may stay hidden. Tabster's focus sentinels (data-tabster-dummy) are left out, as in axe.ts.
 */
import type { Page } from 'playwright-core';

/** Runs in the page (plain JavaScript: the page's CSP does not apply to evaluate()). */
const PROBE = `(() => {
  if (globalThis.__ariaHiddenProbe) return;
  const findings = [];
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]';
  const tabbable = (el) =>
    !el.matches('[data-tabster-dummy], [tabindex="-1"], :disabled, [inert] *') && el.getClientRects().length > 0;
  const modalOpen = () =>
    [...document.querySelectorAll('[aria-modal="true"]')].some((d) => d.getClientRects().length > 0);
  const check = (when) => {
    if (modalOpen()) return;
    for (const hidden of document.querySelectorAll('[aria-hidden="true"]')) {
      const inside = [...hidden.querySelectorAll(FOCUSABLE)].filter(tabbable);
      if (hidden.matches(FOCUSABLE) && tabbable(hidden)) inside.unshift(hidden);
      if (inside.length === 0) continue;
      const el = inside[0];
      const line = when + ': <' + hidden.tagName.toLowerCase() + (hidden.id ? '#' + hidden.id : '') + ' aria-hidden> holds ' +
        inside.length + ' focusable, e.g. <' + el.tagName.toLowerCase() + '> "' + (el.textContent || '').trim().slice(0, 40) + '"';
      if (!findings.includes(line)) findings.push(line);
    }
  };
  new MutationObserver(() => check('mutation')).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['aria-hidden', 'aria-modal', 'tabindex', 'disabled', 'inert'],
  });
  const frame = () => { check('frame'); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  globalThis.__ariaHiddenProbe = { findings };
})()`;

export async function watchAriaHidden(page: Page): Promise<void> {
  await page.evaluate(PROBE);
}

/** What the probe saw since it was installed (deduplicated). */
export async function ariaHiddenFindings(page: Page): Promise<string[]> {
  return page.evaluate(
    'globalThis.__ariaHiddenProbe ? [...globalThis.__ariaHiddenProbe.findings] : ["probe not installed"]',
  );
}
