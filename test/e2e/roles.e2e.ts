import { expect, it } from 'vitest';
import type { Me } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, saveScreenshot, VIEWER, useBrowser } from './browser.js';
import { findContract, isSkippableMissing } from './demo-data.js';

const newPage = useBrowser();

it('shows a Read-only user no skip action, neither per period nor in bulk', async () => {
  const page = await newPage();
  await logIn(page, VIEWER);
  expect(await page.getByTestId('current-role').textContent()).toBe('Read-only');
  const orgId = currentOrgId(page);
  const { contract } = await findContract(page, orgId, (periods) => periods.some(isSkippableMissing));

  await page.goto(`/#/orgs/${orgId}/contracts/${contract.id}/billing-analysis`);
  await page.getByTestId('missing-badge').first().waitFor();
  expect(await page.getByRole('button', { name: 'Skip advance period' }).count()).toBe(0);
  await saveScreenshot(page, 'read-only-billing-analysis');

  await page.getByRole('link', { name: 'Unbilled' }).click();
  await page.getByTestId('unbilled-row').first().waitFor();
  expect(await page.getByRole('checkbox').count()).toBe(0);
  expect(await page.getByRole('group', { name: 'Actions on the selected periods' }).count()).toBe(0);
  await saveScreenshot(page, 'read-only-unbilled');
});

it('switches organization from the header, and the role shown follows it', async () => {
  const page = await newPage();
  await logIn(page, ADMIN);
  const me = await apiJson<Me>(page, 'GET', '/me');
  expect(me.organizations.length).toBeGreaterThanOrEqual(2);
  const other = me.organizations.find((o) => o.id !== currentOrgId(page));
  if (!other) throw new Error('the admin has one organization only');

  await page.getByRole('combobox', { name: 'Organization' }).click();
  await page.getByRole('option', { name: other.name }).click();
  await page.waitForURL(`**/#/orgs/${other.id}/contracts`);
  await page.getByTestId('contract-row').first().waitFor();
  expect(await page.getByTestId('current-role').textContent()).toBe(other.role.name);
  await saveScreenshot(page, 'organization-switched');
});
