import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import type { Me } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, switchLanguage, useBrowser } from './browser.js';

const newPage = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await newPage();
  await logIn(page, ADMIN);
  await page.getByTestId('contract-row').first().waitFor();
});

async function openFirstContract(): Promise<string> {
  const customerLink = page.getByTestId('contract-row').first().getByRole('link').first();
  const customerName = await customerLink.innerText();
  await customerLink.click();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  return customerName;
}

it('names each page in the browser tab, most specific first and in the interface language', async () => {
  const me = await apiJson<Me>(page, 'GET', '/me');
  const organization = me.organizations.find((o) => o.id === currentOrgId(page))?.name;
  expect(await page.title()).toBe(`Contracts · ${organization} · Wattbill`);

  const customerName = await openFirstContract();
  await expect.poll(() => page.title()).toBe(`${customerName} · Contracts · Wattbill`);
  await page.getByRole('tab', { name: 'Billing analysis' }).click();
  await expect.poll(() => page.title()).toBe(`${customerName} · Billing analysis · Wattbill`);

  await page.getByRole('link', { name: 'Unbilled' }).click();
  await expect.poll(() => page.title()).toBe(`Unbilled · ${organization} · Wattbill`);
  await switchLanguage(page, 'FR');
  await expect.poll(() => page.title()).toBe(`Non facturé · ${organization} · Wattbill`);
});

it('names the customer once on the contract page, under the way back to the contracts', async () => {
  const customerName = await openFirstContract();
  const main = page.getByRole('main');
  expect(await main.getByText(customerName, { exact: true }).count()).toBe(1);
  expect(await main.getByRole('heading', { name: customerName }).count()).toBe(1);

  await main.getByRole('link', { name: 'Contracts', exact: true }).click();
  await page.waitForURL(/#\/orgs\/[^/]+\/contracts$/);
});
