import { expect, it } from 'vitest';
import { ADMIN, currentOrgId, logIn, rightEdge, saveScreenshot, switchLanguage, useBrowser } from './browser.js';
import { findContract, isInvoiced, isSkippableMissing } from './demo-data.js';

const dayFirst = (date: string) => date.split('-').reverse().join('/');

const newPage = useBrowser();

it('skips a missing advance period from the billing analysis, and disables it where skipping is refused', async () => {
  const page = await newPage();
  await logIn(page, ADMIN);
  const { contract, advancePeriods } = await findContract(
    page,
    currentOrgId(page),
    (periods) => periods.some(isSkippableMissing) && periods.some(isInvoiced),
  );
  const skippable = advancePeriods.find(isSkippableMissing);
  const invoiced = advancePeriods.find(isInvoiced);
  if (!skippable || !invoiced) throw new Error('unreachable: findContract checked both');

  await page.getByRole('searchbox', { name: 'Search contracts' }).fill(contract.ean);
  const contractRow = page.getByTestId('contract-row').filter({ hasText: contract.ean });
  await expect.poll(() => contractRow.count()).toBe(1);
  await saveScreenshot(page, 'contracts-search');
  await contractRow.getByRole('link', { name: contract.customerName }).click();
  await page.getByRole('tab', { name: 'Billing analysis' }).click();

  const row = page.locator(`[data-advance-period-id="${skippable.id}"]`);
  await row.getByTestId('missing-badge').waitFor();
  await saveScreenshot(page, 'billing-analysis-before-skip');

  await row.hover();
  await row.getByRole('button', { name: 'Skip advance period' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skip advance period' });
  await dialog.getByLabel('Reason (optional)').fill('Customer moved out before the period started');
  await saveScreenshot(page, 'billing-analysis-skip-modal');
  await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const period = `${dayFirst(skippable.startDate)} – ${dayFirst(skippable.endDate)}`;
  await page
    .getByRole('alert')
    .filter({ hasText: `Advance period ${period} skipped.` })
    .waitFor();

  await expect.poll(() => row.getAttribute('data-status')).toBe('skipped');
  expect(await row.getByTestId('missing-badge').count()).toBe(0);
  expect(await row.locator('[data-status="skipped"]').textContent()).toBe('Skipped');
  expect(await row.getByText('Customer moved out before the period started').count()).toBe(1);

  const skippedAction = row.getByRole('button', { name: 'Skip advance period' });
  expect(await skippedAction.getAttribute('data-refusal')).toBe('already_skipped');
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'billing-analysis-after-skip');

  const invoicedAction = page.locator(`[data-advance-period-id="${invoiced.id}"]`).getByRole('button', { name: 'Skip advance period' });
  await invoicedAction.hover();
  expect(await invoicedAction.getAttribute('aria-disabled')).toBe('true');
  await page.getByText('An invoice (draft or final) already exists for this period.').waitFor();
  await saveScreenshot(page, 'billing-analysis-refused-tooltip');
  await invoicedAction.click({ force: true }); // Playwright won't click what is aria-disabled; a user can
  expect(await page.getByRole('dialog').count()).toBe(0);
});

it('keeps the row action inside its table in French and Dutch', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const orgId = currentOrgId(page);
  const { contract } = await findContract(page, orgId, (periods) => periods.some(isSkippableMissing));
  await page.goto(`/#/orgs/${orgId}/contracts/${contract.id}/billing-analysis`);
  const section = page.getByTestId('billing-period').first();
  const row = section.getByTestId('advance-period-row').first();

  for (const [language, action] of [
    ['FR', "Ignorer la période d'acompte"],
    ['NL', 'Voorschotperiode overslaan'],
  ] as const) {
    await switchLanguage(page, language);
    await row.hover();
    const button = row.getByRole('button', { name: action });
    expect(await rightEdge(button)).toBeLessThanOrEqual(await rightEdge(section));
    await saveScreenshot(page, `billing-analysis-${language.toLowerCase()}`);
  }
});
