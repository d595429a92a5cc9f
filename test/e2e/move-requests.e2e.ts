import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ContractDetail, Me, MoveIn, Page as ListPage, Product } from '../../web/api/types.js';
import { ADMIN, apiJson, logIn, saveScreenshot, switchLanguage, useBrowser } from './browser.js';
import { uniqueEan } from './demo-data.js';

const newPage = useBrowser();

const ORGANIZATION = 'Wattbill Energie Vlaanderen';

/** The demo organization's id, read with a throwaway admin session (the public form itself needs none). */
async function organizationId(): Promise<string> {
  const page = await newPage();
  await logIn(page, ADMIN);
  const me = await apiJson<Me>(page, 'GET', '/me');
  const organization = me.organizations.find((o) => o.name === ORGANIZATION);
  if (!organization) throw new Error(`the admin has no access to ${ORGANIZATION}`);
  await page.context().close();
  return organization.id;
}

/** Fills the public form as a person on a phone would, and sends it. */
async function sendPublicForm(page: Page, person: { name: string; email: string; ean: string }): Promise<void> {
  await page.getByRole('textbox', { name: 'Full name' }).fill(person.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await page.getByRole('textbox', { name: 'Street and number' }).fill('Kammenstraat 12');
  await page.getByRole('textbox', { name: 'Postal code' }).fill('2000');
  await page.getByRole('textbox', { name: 'City' }).fill('Antwerpen');
  await page.getByRole('radiogroup', { name: 'Energy' }).getByText('Electricity').click();
  await page.getByRole('textbox', { name: 'EAN code' }).fill(person.ean);
  await page.getByRole('textbox', { name: 'Move-in date' }).fill('15/12/2026');
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Meter reading on moving day (optional)' }).fill('12345,6');
  await page.getByRole('combobox', { name: 'Or: people in the household' }).click();
  await page.getByRole('option', { name: '3 people' }).click();
  await page.getByRole('textbox', { name: 'IBAN' }).fill('BE68 5390 0754 7034');
  await page.getByRole('checkbox', { name: /direct debit/ }).check();
  await page.getByRole('button', { name: 'Send my move-in' }).click();
}

it('a move request sent through the public form is completed and accepted by staff, and another is rejected', async () => {
  const orgId = await organizationId();
  const stamp = Date.now();
  const mover = { name: `Zora Public Mover ${stamp}`, email: `mover.${stamp}@example.com`, ean: uniqueEan(stamp) };

  // The public form: no login, no back-office chrome, on a phone.
  const visitor = await newPage();
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto(`/#/move-in/${orgId}`);
  await visitor.getByRole('heading', { name: 'Moving in' }).waitFor();
  expect(await visitor.getByText(ORGANIZATION, { exact: true }).count()).toBe(1);
  expect(await visitor.getByRole('navigation').count()).toBe(0);
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390); // no sideways scrolling

  // The honeypot is out of sight, out of the tab order and hidden from assistive technology.
  const honeypot = visitor.locator('input[name="website"]');
  expect(await honeypot.getAttribute('tabindex')).toBe('-1');
  expect(await honeypot.getAttribute('autocomplete')).toBe('off');
  expect(await honeypot.evaluate((input) => input.closest('[aria-hidden="true"]') !== null)).toBe(true);
  expect(await honeypot.evaluate((input) => input.getBoundingClientRect().right)).toBeLessThan(0);

  // Sending it empty explains, in the person's language, what to fill in; a mistyped EAN and IBAN are caught.
  await visitor.getByRole('button', { name: 'Send my move-in' }).click();
  await visitor.getByText('Please fill this in.').first().waitFor();
  // Direct debit is optional (a customer may pay by transfer); consumption or household size, one of the two.
  expect(await visitor.getByText('Please agree to pay by direct debit to continue.').count()).toBe(0);
  expect(await visitor.getByText('(one of the two)').count()).toBe(2);
  await visitor.getByRole('textbox', { name: 'EAN code' }).fill('541234567890123450');
  await visitor.getByRole('textbox', { name: 'IBAN' }).fill('BE68 5390 0754 7035');
  await visitor.getByRole('button', { name: 'Send my move-in' }).click();
  await visitor.getByText('its last digit (the check digit) does not match', { exact: false }).waitFor();
  await visitor.getByRole('textbox', { name: 'EAN code' }).fill('5412345678901234');
  await visitor.getByRole('button', { name: 'Send my move-in' }).click();
  await visitor.getByText('An EAN code has 18 digits.', { exact: false }).waitFor();
  await visitor.getByText("This IBAN doesn't look right", { exact: false }).waitFor();
  await switchLanguage(visitor, 'FR');
  await visitor.getByRole('heading', { name: 'Emménagement' }).waitFor();
  await saveScreenshot(visitor, 'public-move-in-errors-fr-390');
  await switchLanguage(visitor, 'EN');

  await sendPublicForm(visitor, mover);
  await visitor.getByTestId('public-move-in-received').waitFor();
  expect(await visitor.getByText(`write to you at ${mover.email}`, { exact: false }).count()).toBe(1);
  await saveScreenshot(visitor, 'public-move-in-thanks-390');

  // Staff find it under Move-ins → New, with what it still lacks.
  const staff = await newPage();
  await staff.setViewportSize({ width: 1280, height: 800 });
  await logIn(staff, ADMIN);
  await staff.goto(`/#/orgs/${orgId}/move-ins`);
  await staff.getByRole('radiogroup', { name: 'Status' }).getByText('New').click();
  const row = staff.getByTestId('move-in-row').filter({ hasText: mover.name });
  await row.waitFor();
  expect(await row.innerText()).toContain(mover.ean);
  expect(await row.innerText()).toContain('Move request');
  expect(await row.innerText()).toContain('15/12/2026');
  expect(await staff.getByRole('textbox', { name: 'Address of the public move-in form' }).inputValue()).toMatch(
    new RegExp(`/#/move-in/${orgId}$`),
  );
  await saveScreenshot(staff, 'move-ins-new');
  await row.getByRole('link', { name: mover.name }).click();

  const problems = staff.getByTestId('move-in-problems');
  await problems.waitFor();
  for (const field of ['Signature date', 'Product', 'Advance frequency']) expect(await problems.innerText()).toContain(field);
  expect(await staff.getByRole('textbox', { name: 'Meter reading at move-in' }).inputValue()).toBe('12345.6');
  await saveScreenshot(staff, 'move-in-review');

  const product = await firstProduct(staff, orgId, 'electricity');
  await staff.getByRole('textbox', { name: 'Signature date' }).fill('03/12/2026');
  await staff.keyboard.press('Escape');
  // Saved, the box of what is still to do follows: the signature date leaves it, the product stays.
  await staff.getByRole('button', { name: 'Save', exact: true }).click();
  await staff.getByText('Move-in saved.').waitFor();
  await expect.poll(() => problems.innerText()).not.toContain('Signature date');
  expect(await problems.innerText()).toContain('Product');
  await staff.getByRole('combobox', { name: 'Product' }).click();
  await staff.getByRole('option', { name: product.name }).click();
  await staff.getByRole('combobox', { name: 'Advance frequency' }).click();
  await staff.getByRole('option', { name: 'Monthly' }).click();
  // The amount is the proposal for 3 people with that product, and may be changed.
  const amount = staff.getByRole('textbox', { name: 'Advance amount' });
  await expect.poll(() => amount.inputValue()).toMatch(/^\d+\.\d{2}$/);
  await staff.getByRole('button', { name: 'Save and accept' }).click();

  const accepted = staff.getByTestId('move-in-accepted');
  await accepted.waitFor();
  expect(await staff.getByTestId('move-in-status').getAttribute('data-status')).toBe('accepted');
  await saveScreenshot(staff, 'move-in-accepted');
  await accepted.getByRole('link', { name: 'Open the contract' }).click();
  await staff.waitForURL(/#\/orgs\/[^/]+\/contracts\/[^/]+$/);
  const contractId = decodeURIComponent(staff.url().split('/').pop() ?? '');
  const contract = await apiJson<ContractDetail>(staff, 'GET', `/organizations/${orgId}/contracts/${contractId}`);
  expect(contract).toMatchObject({
    customerName: mover.name,
    ean: mover.ean,
    moveInDate: '2026-12-15',
    signatureDate: '2026-12-03',
    advanceFrequency: 'monthly',
    productId: product.id,
  });

  // Another move request, sent straight to the API, is rejected with a reason.
  const other = { name: `Zora Rejected Mover ${stamp}`, email: `rejected.${stamp}@example.com`, ean: uniqueEan(stamp + 1) };
  const response = await visitor.request.post(`/api/v1/public/move-in-forms/${orgId}`, {
    data: {
      ...other,
      language: 'nl',
      address: { line1: 'Veldstraat 1', postalCode: '9000', city: 'Gent', country: 'BE' },
      energy: 'gas',
      moveInDate: '2026-12-20',
      householdSize: 1,
      iban: 'BE68539007547034',
      directDebitConsent: true,
      website: '',
    },
  });
  expect(response.status(), await response.text()).toBe(202);
  await staff.goto(`/#/orgs/${orgId}/move-ins`);
  await staff.getByTestId('move-in-row').filter({ hasText: other.name }).getByRole('link').click();
  await staff.getByRole('button', { name: 'Reject' }).click();
  const dialog = staff.getByRole('dialog', { name: 'Reject move-in' });
  await dialog.getByRole('button', { name: 'Reject move-in' }).click();
  await dialog.getByText('Give the reason for rejecting.').waitFor();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The address is outside our supply area');
  await dialog.getByRole('button', { name: 'Reject move-in' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await staff.getByTestId('move-in-rejected').filter({ hasText: 'The address is outside our supply area' }).waitFor();
  expect(await staff.getByRole('button', { name: 'Accept' }).count()).toBe(0);

  await staff.getByRole('link', { name: 'Move-ins', exact: true }).first().click();
  await staff.getByRole('radiogroup', { name: 'Status' }).getByText('Rejected').click();
  const rejectedRow = staff.getByTestId('move-in-row').filter({ hasText: other.name });
  await rejectedRow.waitFor();
  expect(await rejectedRow.innerText()).toContain('The address is outside our supply area');
  const rejected = await apiJson<ListPage<MoveIn>>(staff, 'GET', `/organizations/${orgId}/move-ins?status=rejected&limit=500`);
  expect(rejected.items.find((m) => m.request.connection?.ean === other.ean)).toMatchObject({ status: 'rejected', contractId: null });
  await saveScreenshot(staff, 'move-ins-rejected');
});

async function firstProduct(page: Page, orgId: string, energy: Product['energy']): Promise<Product> {
  const products = await apiJson<{ items: Product[] }>(page, 'GET', `/organizations/${orgId}/products`);
  const product = products.items.find((p) => p.energy === energy);
  if (!product) throw new Error(`the demo has no ${energy} product`);
  return product;
}
