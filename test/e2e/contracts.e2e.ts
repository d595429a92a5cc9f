import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import type { Contract, Page as ListPage } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, rightEdge, saveScreenshot, switchLanguage, useBrowser } from './browser.js';

const newPage = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await newPage();
  await logIn(page, ADMIN);
  await rows().first().waitFor();
});

const rows = () => page.getByTestId('contract-row');

it('shows the contracts in the order the server lists them, by customer name, also after Load more, and says so', async () => {
  const customerHeader = page.getByRole('columnheader', { name: /^Customer/ });
  expect(await customerHeader.getAttribute('aria-sort')).toBe('ascending');
  expect(await customerHeader.getAttribute('title')).toBe('Sorted by customer name, A to Z');

  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => rows().count()).toBe(100);
  const shown = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-contract-id')));

  const contracts = `/organizations/${currentOrgId(page)}/contracts?limit=50`;
  const first = await apiJson<ListPage<Contract>>(page, 'GET', contracts);
  const second = await apiJson<ListPage<Contract>>(page, 'GET', `${contracts}&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
  expect(shown).toEqual([...first.items, ...second.items].map((contract) => contract.id));
});

it('fits the contracts table in a 1280 px wide window in English, French and Dutch', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const main = page.getByRole('main');
  for (const [language, missing] of [
    ['EN', 'Missing'],
    ['FR', 'Manquant'],
    ['NL', 'Ontbrekend'],
  ] as const) {
    await switchLanguage(page, language);
    const missingHeader = main.getByRole('columnheader', { name: missing, exact: true });
    expect(await rightEdge(missingHeader)).toBeLessThanOrEqual(await rightEdge(main));
    await saveScreenshot(page, `contracts-1280-${language.toLowerCase()}`);
  }

  // A product name cut to fit still shows in full on hover.
  const [contract] = (await apiJson<ListPage<Contract>>(page, 'GET', `/organizations/${currentOrgId(page)}/contracts?limit=1`)).items;
  if (!contract) throw new Error('the demo organization has no contracts');
  expect(await rows().first().getByTitle(contract.productName).innerText()).toBe(contract.productName);
});
