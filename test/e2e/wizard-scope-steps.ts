/**
 * The Scope page, by keyboard, against the lab DC's OU tree: uncheck an OU (excluded), check an OU
 * below it (included back), uncheck one below that; the rules and the live count follow.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './harness.ts';
import { shootState } from './screenshots.ts';
import type { WizardEnv } from './wizard-env.ts';
import { arrowToTreeItem, isTreeItem, tabTo } from './wizard-keys.ts';

const TREE_TIMEOUT = 60_000;

async function usersBelow(page: Page, dn: string): Promise<number> {
  const text = await page.locator(`[data-dn="${dn}"] > .fui-TreeItemLayout`).innerText();
  const count = /([\d,]+) users?/.exec(text)?.[1];
  if (count === undefined) throw new Error(`no user count on ${dn}: "${text}"`);
  return Number(count.replace(/,/g, ''));
}

async function shownCount(page: Page): Promise<number> {
  const text = await page.getByTestId('scope-count').innerText();
  return Number((/([\d,]+) users? in scope/.exec(text)?.[1] ?? 'NaN').replace(/,/g, ''));
}

async function checkState(page: Page, dn: string): Promise<string | null> {
  return page.locator(`[data-dn="${dn}"]`).getAttribute('aria-checked');
}

export async function walkScopePage(session: AppSession, env: WizardEnv): Promise<void> {
  const { page } = session;
  const { lab } = env;
  const labOu = `OU=PHS Lab,${lab.baseDn}`;
  const syncOu = lab.scope.includedOus[0]!;
  const excludedOu = lab.scope.excludedOus[0]!;

  // The whole domain is in scope at first; its OUs are listed with their user counts.
  await page.locator(`[data-dn="${labOu}"]`).waitFor({ timeout: TREE_TIMEOUT });
  await expect
    .poll(() => shownCount(page), { timeout: TREE_TIMEOUT })
    .toBe(await usersBelow(page, lab.baseDn));
  expect(await checkState(page, lab.baseDn)).toBe('true');

  await tabTo(page, isTreeItem(/^lab\.example\.test/), 'the tree');
  await arrowToTreeItem(page, /^PHS Lab/);
  await page.keyboard.press('Space');
  await expect.poll(() => checkState(page, labOu)).toBe('false');
  expect(await checkState(page, lab.baseDn)).toBe('mixed');

  // Below the excluded OU, Sync is checked: included back.
  await page.keyboard.press('ArrowRight');
  await page.locator(`[data-dn="${syncOu}"]`).waitFor({ timeout: TREE_TIMEOUT });
  await arrowToTreeItem(page, /^Sync/);
  await page.keyboard.press('Space');
  await expect.poll(() => checkState(page, syncOu)).toBe('true');
  expect(await checkState(page, labOu)).toBe('mixed');

  // And below Sync, Excluded is unchecked.
  await page.keyboard.press('ArrowRight');
  await page.locator(`[data-dn="${excludedOu}"]`).waitFor({ timeout: TREE_TIMEOUT });
  await arrowToTreeItem(page, /^Excluded/);
  await page.keyboard.press('Space');
  await expect.poll(() => checkState(page, excludedOu)).toBe('false');

  const rules = await page.getByTestId('scope-rules').innerText();
  expect(rules).toContain(`Included\n${lab.baseDn}; ${syncOu}`);
  expect(rules).toContain(`Excluded\n${labOu}; ${excludedOu}`);
  const expected =
    (await usersBelow(page, lab.baseDn)) -
    (await usersBelow(page, labOu)) +
    (await usersBelow(page, syncOu)) -
    (await usersBelow(page, excludedOu));
  await expect.poll(() => shownCount(page), { timeout: TREE_TIMEOUT }).toBe(expected);
  // The lab's own accounting of those OUs agrees with the tree's counts.
  expect(await usersBelow(page, excludedOu)).toBe(lab.users.filter((u) => u.ou === excludedOu).length);
  expect(session.wizard.settings.current.scope).toEqual({
    includedOus: [lab.baseDn, syncOu],
    excludedOus: [labOu, excludedOu],
  });
  await shootState(page, 'scope', page.getByTestId('scope-count'));
}
