import type { Locator, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import type { SkipAdvancePeriodsResponse } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, saveScreenshot, switchLanguage, useBrowser } from './browser.js';
import { findContract, isSkippableMissing } from './demo-data.js';

const newPage = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await newPage();
  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Unbilled' }).click();
  await page.getByTestId('unbilled-row').first().waitFor();
});

const rows = () => page.getByTestId('unbilled-row');
const startDates = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-start-date') ?? ''));
const selectedIds = () =>
  rows().evaluateAll((trs) => trs.filter((tr) => tr.querySelector('input:checked')).map((tr) => tr.getAttribute('data-advance-period-id')));
const actionBar = () => page.getByRole('group', { name: 'Actions on the selected periods' });
const skipDialog = () => page.getByRole('dialog', { name: 'Skip advance periods' });

// WATTBILL_TODAY is 2026-12-03: periods starting since November are due and lie in open billing periods,
// while older ones may lie in a billing period a settlement has closed (which can't be skipped).
const RECENT = '2026-11-01';
const RECENT_TYPED = '01/11/2026'; // day first, as the app writes dates

async function showRecentPeriods(): Promise<void> {
  const before = await page.getByTestId('unbilled-summary').innerText();
  await page.getByLabel('Periods from').fill(RECENT_TYPED);
  await page.keyboard.press('Escape'); // closes the calendar, which covers the first rows
  await expect.poll(() => page.getByTestId('unbilled-summary').innerText()).not.toBe(before);
  expect((await startDates()).every((start) => start >= RECENT)).toBe(true);
}

async function openSkipDialog(): Promise<void> {
  await actionBar().getByRole('button', { name: 'Advances' }).click();
  await page.getByRole('menuitem', { name: 'Skip period' }).click();
  await skipDialog().waitFor();
}

async function skipSelectedFromActionBar(): Promise<void> {
  await openSkipDialog();
  await saveScreenshot(page, 'unbilled-skip-modal');
  await skipDialog().getByRole('button', { name: 'Skip', exact: true }).click();
  await skipDialog().waitFor({ state: 'hidden' });
}

/** Whether a click at the element's centre reaches it, i.e. nothing floating (such as the action bar) covers it. */
function isUncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && element.contains(hit);
  });
}

it('bulk-skips two selected rows of a filtered list', async () => {
  await showRecentPeriods();
  expect(await rows().count()).toBeGreaterThanOrEqual(2);
  const picked = await Promise.all([0, 1].map((i) => rows().nth(i).getAttribute('data-advance-period-id')));
  for (const i of [0, 1]) await rows().nth(i).getByRole('checkbox').check();
  expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected');
  await saveScreenshot(page, 'unbilled-two-selected');

  await skipSelectedFromActionBar();

  const result = page.getByTestId('skip-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('2 skipped');
  for (const id of picked) {
    await expect.poll(() => page.locator(`[data-testid="unbilled-row"][data-advance-period-id="${id}"]`).count()).toBe(0);
  }
  await saveScreenshot(page, 'unbilled-two-skipped');
});

it('reports, per period, why a skip was refused while skipping the others', async () => {
  await showRecentPeriods();
  const [taken, free] = await Promise.all([0, 1].map((i) => rows().nth(i).getAttribute('data-advance-period-id')));
  for (const i of [0, 1]) await rows().nth(i).getByRole('checkbox').check();

  // A colleague skips one of them in the meantime, so this list is stale when the user confirms.
  const skippedMeanwhile = await apiJson<SkipAdvancePeriodsResponse>(
    page,
    'POST',
    `/organizations/${currentOrgId(page)}/advance-periods/skip`,
    { advancePeriodIds: [taken] },
  );
  expect(skippedMeanwhile.skipped).toBe(1);

  await skipSelectedFromActionBar();

  const result = page.getByTestId('skip-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('1 skipped, 1 refused');
  const refusals = page.getByTestId('skip-refusals');
  expect(await refusals.innerText()).toContain('This period is already skipped.');
  expect(await refusals.locator('[data-refusal-code]').getAttribute('data-refusal-code')).toBe('already_skipped');
  await expect.poll(() => page.locator(`[data-advance-period-id="${free}"]`).count()).toBe(0);
  await saveScreenshot(page, 'unbilled-refusal');
});

it('skips every period matching the filter, also those not selected one by one', async () => {
  const { contract, advancePeriods } = await findContract(
    page,
    currentOrgId(page),
    (periods) => periods.filter(isSkippableMissing).length >= 2 && periods.every((p) => !p.missing || isSkippableMissing(p)),
  );
  const matching = advancePeriods.filter(isSkippableMissing).length;

  await page.getByLabel('Customer or EAN').fill(contract.ean);
  await expect.poll(() => rows().count()).toBe(matching);
  await rows().first().getByTitle('Show only this contract').click();
  await page.getByTestId('contract-filter').waitFor();
  await expect.poll(() => rows().count()).toBe(matching);

  await rows().first().getByRole('checkbox').check();
  await page.getByRole('button', { name: `Select all ${matching} matching the filter` }).click();
  expect(await page.getByTestId('selected-count').innerText()).toBe(`All ${matching} matching the filter selected`);
  await saveScreenshot(page, 'unbilled-all-matching-selected');
  await skipSelectedFromActionBar();

  const result = page.getByTestId('skip-result');
  await result.waitFor();
  expect(await result.innerText()).toContain(`${matching} skipped`);
  await page.getByText('Nothing unbilled matches', { exact: false }).waitFor();
});

it('keeps the selection as it was when the skip dialog is closed with Escape or Cancel', async () => {
  for (const i of [0, 2]) await rows().nth(i).getByRole('checkbox').check();
  const picked = await selectedIds();
  const closings = [() => page.keyboard.press('Escape'), () => skipDialog().getByRole('button', { name: 'Cancel' }).click()];
  for (const closeDialog of closings) {
    await openSkipDialog();
    await closeDialog();
    await skipDialog().waitFor({ state: 'hidden' });
    expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected');
    expect(await selectedIds()).toEqual(picked);
  }

  // Escape on the page itself (no dialog or menu open) still clears the selection.
  await page.keyboard.press('Escape');
  await actionBar().waitFor({ state: 'detached' });
  expect(await selectedIds()).toEqual([]);
});

it('keeps Load more clear of the action bar, so more rows load while some are selected', async () => {
  expect(await rows().count()).toBe(100); // one page: the demo has more unbilled periods
  await rows().first().getByRole('checkbox').check();
  await expect.poll(() => actionBar().evaluate((bar) => getComputedStyle(bar).opacity)).toBe('1'); // it has popped in
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const loadMore = page.getByRole('button', { name: 'Load more' });
  expect(await isUncovered(loadMore)).toBe(true);
  await saveScreenshot(page, 'unbilled-load-more-with-selection');

  await loadMore.click();
  await expect.poll(() => rows().count()).toBe(200);
  expect(await page.getByTestId('selected-count').innerText()).toBe('1 selected');
});

it('filters on dates typed day first, sends them as YYYY-MM-DD, and shows the calendar in the interface language', async () => {
  const unfilteredSummary = await page.getByTestId('unbilled-summary').innerText();
  const filtered = page.waitForRequest(
    (request) => /\/unbilled\?/.test(request.url()) && new URL(request.url()).searchParams.get('from') === RECENT,
  );
  await page.getByLabel('Periods from').fill(RECENT_TYPED);
  await filtered;
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await startDates()).every((start) => start >= RECENT)).toBe(true);

  await switchLanguage(page, 'FR');
  const from = page.getByLabel('Périodes du');
  expect(await from.inputValue()).toBe(RECENT_TYPED);
  expect(await page.getByLabel('au', { exact: true }).getAttribute('placeholder')).toBe('JJ/MM/AAAA');
  await from.click();
  await page.getByRole('button', { name: /^novembre 2026$/i }).waitFor();
  await saveScreenshot(page, 'unbilled-date-filter-fr');

  await page.getByRole('button', { name: 'Effacer la date' }).click();
  expect(await from.inputValue()).toBe('');
  await switchLanguage(page, 'EN');
  await expect.poll(() => page.getByTestId('unbilled-summary').innerText()).toBe(unfilteredSummary);
});
