import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { BillingAnalysis, Contract, ContractDetail, Page as ListPage, Product } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, saveScreenshot, useBrowser, VIEWER } from './browser.js';
import { uniqueEan } from './demo-data.js';

const newPage = useBrowser();

type ManualMoveIn = {
  name: string;
  ean: string;
  moveInDate: string; // as typed, DD/MM/YYYY
  signatureDate: string;
  product: string;
  frequency: string;
  consumption: { kwh: string } | { people: string };
  firstAdvanceStartDate?: string;
};

async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function typeDate(page: Page, field: string, date: string): Promise<void> {
  await page.getByRole('textbox', { name: field, exact: true }).fill(date);
  await page.keyboard.press('Escape'); // closes the calendar, which covers the fields below
}

async function openNewMoveIn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Move-ins' }).click();
  await page.getByRole('link', { name: 'New move-in' }).click();
  await page.getByRole('heading', { name: 'New move-in' }).waitFor();
}

async function fillNewMoveIn(page: Page, moveIn: ManualMoveIn): Promise<void> {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(moveIn.name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('new.occupant@example.com');
  await pick(page, 'Language', 'Nederlands');
  await page.getByRole('textbox', { name: 'EAN', exact: true }).fill(moveIn.ean);
  await page.getByRole('textbox', { name: 'Street and number', exact: true }).fill('Groenplaats 7');
  await page.getByRole('textbox', { name: 'Postal code', exact: true }).fill('2000');
  await page.getByRole('textbox', { name: 'City', exact: true }).fill('Antwerpen');
  await typeDate(page, 'Move-in date', moveIn.moveInDate);
  await typeDate(page, 'Signature date', moveIn.signatureDate);
  if ('kwh' in moveIn.consumption) {
    await page.getByRole('textbox', { name: 'Estimated annual consumption', exact: true }).fill(moveIn.consumption.kwh);
  } else {
    await pick(page, 'Or household size', moveIn.consumption.people);
  }
  await pick(page, 'Product', moveIn.product);
  await pick(page, 'Advance frequency', moveIn.frequency);
  if (moveIn.firstAdvanceStartDate) await typeDate(page, 'Custom first advance start date', moveIn.firstAdvanceStartDate);
  await page.getByRole('textbox', { name: 'IBAN', exact: true }).fill('BE68 5390 0754 7034');
  await page.getByRole('checkbox', { name: /by direct debit/ }).check();
}

it('shows the custom first advance start date only with advances, and a historic one makes every past period missing', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const orgId = currentOrgId(page);
  const products = await apiJson<{ items: Product[] }>(page, 'GET', `/organizations/${orgId}/products`);
  const product = products.items.find((p) => p.energy === 'electricity');
  if (!product) throw new Error('the demo has no electricity product');
  await openNewMoveIn(page);

  const firstAdvance = page.getByRole('textbox', { name: 'Custom first advance start date' });
  expect(await firstAdvance.count()).toBe(0);
  await pick(page, 'Advance frequency', 'No advances');
  expect(await firstAdvance.count()).toBe(0);
  expect(await page.getByRole('textbox', { name: 'Advance amount' }).count()).toBe(0);
  await pick(page, 'Advance frequency', 'Monthly');
  await firstAdvance.waitFor();
  await page.getByText('Empty: the advances start from the signature date.').waitFor();
  // The last field of "Contract and advances": below the amount and the end date, above the payment.
  const consent = page.getByRole('checkbox', { name: /by direct debit/ });
  const endDate = page.getByRole('textbox', { name: 'End date' });
  const [fieldBox, consentBox, endBox] = await Promise.all([firstAdvance.boundingBox(), consent.boundingBox(), endDate.boundingBox()]);
  expect(fieldBox?.y).toBeLessThan(consentBox?.y ?? -Infinity);
  expect(fieldBox?.y).toBeGreaterThanOrEqual(endBox?.y ?? Infinity);
  expect(
    await page
      .getByRole('group', { name: 'Contract and advances' })
      .getByRole('textbox', { name: 'Custom first advance start date' })
      .count(),
  ).toBe(1);
  // A date before the move-in stays as typed, with the error; Enter in a date field doesn't send the form.
  await typeDate(page, 'Move-in date', '01/06/2025');
  await firstAdvance.fill('01/05/2025');
  await firstAdvance.press('Enter');
  await page.keyboard.press('Tab');
  expect(await firstAdvance.inputValue()).toBe('01/05/2025');
  await page.getByText('The first advance start date may not lie before the move-in date.').waitFor();
  expect(await page.getByText('Required.', { exact: true }).count()).toBe(0);
  await firstAdvance.fill('');
  await page.getByRole('textbox', { name: 'Move-in date' }).fill('');
  await pick(page, 'Advance frequency', 'No advances');
  await firstAdvance.waitFor({ state: 'detached' });

  // Sent empty, the form names what is required, in the interface language, before any request.
  await page.getByRole('button', { name: 'Register move-in' }).click();
  expect(await page.getByText('Required.', { exact: true }).count()).toBeGreaterThanOrEqual(5);

  const ean = uniqueEan(Date.now());
  await fillNewMoveIn(page, {
    name: 'Zyta Historic Mover', // listed last, after the demo contracts the other tests pick
    ean: `${ean.slice(0, 17)}${(Number(ean[17]) + 1) % 10}`, // a wrong check digit: the server refuses it
    moveInDate: '01/06/2025',
    signatureDate: '15/05/2025',
    product: product.name,
    frequency: 'Monthly',
    consumption: { kwh: '3500' },
    firstAdvanceStartDate: '01/06/2025',
  });
  const amount = page.getByRole('textbox', { name: 'Advance amount' });
  await expect.poll(() => amount.inputValue()).toMatch(/^\d+\.\d{2}$/); // the proposal for 3,500 kWh
  await saveScreenshot(page, 'new-move-in-filled');
  await page.getByRole('button', { name: 'Register move-in' }).click();
  // The server's refusal shows on the field it names.
  const eanField = page.getByRole('textbox', { name: 'EAN', exact: true });
  await expect.poll(() => eanField.getAttribute('aria-invalid')).toBe('true');
  // A refused form is for the person to correct, not a failure of the application.
  expect(await page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields' }).count()).toBe(1);
  expect(await page.getByText('Something went wrong').count()).toBe(0);
  await saveScreenshot(page, 'new-move-in-field-error');
  await eanField.fill(ean);
  expect(await eanField.getAttribute('aria-invalid')).not.toBe('true');

  await page.getByRole('button', { name: 'Register move-in' }).click();
  await page.waitForURL(/#\/orgs\/[^/]+\/contracts\/[^/]+\/billing-analysis$/);
  const contractId = decodeURIComponent(page.url().split('/').at(-2) ?? '');
  await page.getByTestId('missing-badge').first().waitFor();
  await saveScreenshot(page, 'historic-move-in-billing-analysis');

  // Every month since the custom start, anchored on it rather than on the signature date, is missing until billed.
  const analysis = await apiJson<BillingAnalysis>(page, 'GET', `/organizations/${orgId}/contracts/${contractId}/billing-analysis`);
  const periods = analysis.billingPeriods.flatMap((billingPeriod) => billingPeriod.advancePeriods);
  expect(periods[0]?.startDate).toBe('2025-06-01');
  expect(periods.every((period) => period.startDate.endsWith('-01'))).toBe(true);
  const due = periods.filter((period) => period.startDate <= '2026-12-03');
  expect(due).toHaveLength(19); // June 2025 to December 2026
  expect(due.every((period) => period.missing)).toBe(true);
  const firstRow = page.locator(`[data-advance-period-id="${periods[0]?.id}"]`);
  expect(await firstRow.getByTestId('missing-badge').count()).toBe(1);
  expect(await page.getByTestId('missing-badge').count()).toBe(19);
});

it('a move-in at a connection point still supplied offers to end the current contract, and then succeeds', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const orgId = currentOrgId(page);
  const contracts = await apiJson<ListPage<Contract>>(page, 'GET', `/organizations/${orgId}/contracts?limit=200`);
  // A running monthly contract without an end (its invoiced periods all end before the new occupant arrives),
  // and with nothing missing, so the tests that look for missing periods never pick it.
  const running = contracts.items.find(
    (c) => c.status === 'active' && c.endDate === null && c.advanceFrequency === 'monthly' && c.missingCount === 0,
  );
  if (!running) throw new Error('the demo has no running monthly contract');

  await openNewMoveIn(page);
  if (running.energy !== 'electricity') await pick(page, 'Energy', running.energy === 'gas' ? 'Gas' : 'Heat');
  await fillNewMoveIn(page, {
    name: 'Zeno Next Occupant',
    ean: running.ean,
    moveInDate: '01/02/2027',
    signatureDate: '15/01/2027', // nothing due yet: the Unbilled tests see no new period at this EAN
    product: running.productName,
    frequency: 'Quarterly',
    consumption: { people: '2 people' },
  });
  await page.getByRole('button', { name: 'Register move-in' }).click();

  const offer = page.getByTestId('end-previous-contract-offer');
  await offer.waitFor();
  expect(await offer.getByRole('link', { name: 'Current contract' }).getAttribute('href')).toBe(`#/orgs/${orgId}/contracts/${running.id}`);
  await saveScreenshot(page, 'change-of-occupant-offer');
  await offer.getByRole('button', { name: 'End the current contract on 31/01/2027 and accept' }).click();

  await page.waitForURL(/#\/orgs\/[^/]+\/contracts\/[^/]+\/billing-analysis$/);
  const contractId = decodeURIComponent(page.url().split('/').at(-2) ?? '');
  expect(contractId).not.toBe(running.id);
  const next = await apiJson<ContractDetail>(page, 'GET', `/organizations/${orgId}/contracts/${contractId}`);
  const previous = await apiJson<ContractDetail>(page, 'GET', `/organizations/${orgId}/contracts/${running.id}`);
  expect(next).toMatchObject({
    ean: running.ean,
    customerName: 'Zeno Next Occupant',
    moveInDate: '2027-02-01',
    advanceFrequency: 'quarterly',
  });
  expect(previous.endDate).toBe('2027-01-31');
});

it('shows a Read-only user the move-ins but nothing to register, import, accept or reject', async () => {
  const page = await newPage();
  await logIn(page, VIEWER);
  const orgId = currentOrgId(page);
  await page.getByRole('link', { name: 'Move-ins' }).click();
  await page.getByTestId('public-form-link').waitFor();
  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Accepted').click();
  const row = page.getByTestId('move-in-row').first();
  await row.waitFor();
  expect(await page.getByRole('link', { name: 'New move-in' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Import' }).count()).toBe(0);

  await row.getByRole('link').first().click();
  await page.getByTestId('move-in-form').waitFor();
  expect(await page.getByRole('button', { name: /Accept|Reject|Save/ }).count()).toBe(0);
  expect(await page.getByRole('textbox', { name: 'EAN', exact: true }).isDisabled()).toBe(true);

  await page.goto(`/#/orgs/${orgId}/move-ins/new`);
  await page.getByText('Your role in this organization does not give access to this page.').waitFor();
});
