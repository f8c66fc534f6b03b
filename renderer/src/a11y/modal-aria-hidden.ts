/**
 * Fluent's focus manager (tabster) hides everything outside an open modal dialog with
 * `aria-hidden="true"`, and — to batch DOM work — takes it off again only 250 ms after the dialog
 * has left the page. For that quarter of a second the whole app is focusable content inside an
 * aria-hidden region: a screen reader finds nothing where focus is, and axe reports a serious
 * aria-hidden-focus (the e2e suite caught it closing the "Turn off" confirmation).
 *
 * This guard keeps the two in step: an element hidden while a modal was open is released in the
 * same microtask as the last modal leaves, and hidden again if a new modal opens before tabster
 * caught up (tabster still counts it as hidden then, and would not set the attribute again).
 * Tabster's own later restore finds the attribute already gone and leaves it so.
 */
const MODAL = '[aria-modal="true"]';

function hasModal(doc: Document): boolean {
  return doc.querySelector(MODAL) !== null;
}

export function keepAriaHiddenWithModals(doc: Document = document): () => void {
  /** Elements hidden because of a modal; cleared as the last modal goes. */
  const hiddenForModal = new Set<Element>();
  /** Released early, until tabster's deferred update has seen the modal go. */
  const released = new Set<Element>();

  const onMutations = (records: readonly MutationRecord[]): void => {
    const modal = hasModal(doc);
    for (const r of records) {
      if (r.type !== 'attributes' || r.attributeName !== 'aria-hidden' || !(r.target instanceof Element))
        continue;
      if (r.target.getAttribute('aria-hidden') === 'true' && modal) hiddenForModal.add(r.target);
      else if (r.target.getAttribute('aria-hidden') !== 'true' && r.oldValue === 'true')
        released.delete(r.target);
    }
    if (!modal) {
      for (const el of hiddenForModal) {
        if (el.getAttribute('aria-hidden') === 'true') {
          el.removeAttribute('aria-hidden');
          released.add(el);
        }
      }
      hiddenForModal.clear();
      return;
    }
    for (const el of released) {
      const holdsModal = el.querySelector(MODAL) !== null || el.matches(MODAL);
      if (el.isConnected && !holdsModal) el.setAttribute('aria-hidden', 'true');
    }
    released.clear();
  };

  const observer = new MutationObserver(onMutations);
  observer.observe(doc.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['aria-hidden', 'aria-modal'],
  });
  return () => observer.disconnect();
}
