import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import type { SkipAdvancePeriodsResponse } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, launchBrowser, logIn, openPage, saveScreenshot } from './browser.js';
import { findContract, isSkippableMissing } from './demo-data.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await openPage(browser, baseUrl);
  await logIn(page, ADMIN);
  await page.getByRole('link', { name: 'Unbilled' }).click();
  await page.getByTestId('unbilled-row').first().waitFor();
});

const rows = () => page.getByTestId('unbilled-row');

// WATTBILL_TODAY is 2026-12-03: periods starting since November are due and lie in open billing periods,
// while older ones may lie in a billing period a settlement has closed (which can't be skipped).
const RECENT = '2026-11-01';

async function showRecentPeriods(): Promise<void> {
  const before = await page.getByTestId('unbilled-summary').innerText();
  await page.getByLabel('Periods from').fill(RECENT);
  await expect.poll(() => page.getByTestId('unbilled-summary').innerText()).not.toBe(before);
  const starts = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-start-date') ?? ''));
  expect(starts.every((start) => start >= RECENT)).toBe(true);
}

async function skipSelectedFromActionBar(): Promise<void> {
  await page.getByRole('group', { name: 'Actions on the selected periods' }).getByRole('button', { name: 'Advances' }).click();
  await page.getByRole('menuitem', { name: 'Skip period' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skip advance periods' });
  await saveScreenshot(page, 'unbilled-skip-modal');
  await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
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
