import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Contract, Page as ListPage } from '../../web/api/types.js';
import { ADMIN, apiJson, currentOrgId, logIn, saveScreenshot, switchLanguage, useBrowser } from './browser.js';
import { uniqueEan } from './demo-data.js';

const newPage = useBrowser();

type Row = Record<string, string>;

/** A CSV in the template's columns; a column a row doesn't name stays empty. */
function csv(columns: string[], rows: Row[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => row[column] ?? '').join(','))].join('\n') + '\n';
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByText(name).waitFor(); // the file input shows the chosen file
}

async function contractsAt(page: Page, orgId: string, ean: string): Promise<Contract[]> {
  return (await apiJson<ListPage<Contract>>(page, 'GET', `/organizations/${orgId}/contracts?q=${ean}`)).items;
}

it('imports nothing from a file with a bad row, imports a good one, and leaves it unchanged the second time', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const orgId = currentOrgId(page);
  await page.getByRole('link', { name: 'Move-ins' }).click();
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import move-ins' }).waitFor();

  // The template to download, and the columns explained from the same list.
  const templateLink = page.getByRole('link', { name: 'Download the template' });
  const template = await page.request.get((await templateLink.getAttribute('href')) ?? '');
  expect(template.headers()['content-type']).toContain('text/csv');
  const columns = (await template.text()).split('\n')[0]?.split(',') ?? [];
  expect(columns).toContain('first_advance_start_date');
  const documented = page.getByTestId('import-columns');
  await documented.waitFor();
  for (const column of columns) expect(await documented.getByText(column, { exact: true }).count()).toBe(1);

  const stamp = Date.now();
  const row = (n: number, ean: string): Row => ({
    customer_number: `E2E-${stamp}-${n}`,
    customer_name: `Zoe Imported ${n}`, // listed after the demo contracts the other tests pick
    language: 'nl',
    street: `Meir ${n}`,
    postal_code: '2000',
    city: 'Antwerpen',
    country: 'BE',
    ean,
    energy: 'electricity',
    product_code: 'EL-VAR-FL-2026-10',
    move_in_date: '2026-10-01',
    signature_date: '2026-09-20',
    estimated_annual_consumption_kwh: '3000',
    advance_frequency: 'monthly',
    iban: 'BE68539007547034',
    direct_debit: 'yes',
  });
  const eans = [uniqueEan(stamp), uniqueEan(stamp + 1)];
  const good = csv(
    columns,
    eans.map((ean, i) => row(i + 1, ean)),
  );
  const wrongCheckDigit = `${eans[1]!.slice(0, 17)}${(Number(eans[1]![17]) + 1) % 10}`;
  const bad = csv(columns, [row(1, eans[0]!), { ...row(2, wrongCheckDigit), advance_frequency: 'weekly' }]);

  // A bad row: the dry run names its row (the file's line) and column; importing it anyway writes nothing.
  await chooseFile(page, 'bad-move-ins.csv', bad);
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  const errors = page.getByTestId('import-error');
  await errors.first().waitFor();
  const reported = await errors.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-column')}`));
  expect(reported).toEqual(expect.arrayContaining(['3:ean', '3:advance_frequency']));
  expect(await page.getByTestId('import-errors').innerText()).toContain('nothing was imported');
  await saveScreenshot(page, 'import-dry-run-errors');
  // In French, the errors it recognises are in French; the warning about the schedule's anchor is there.
  await switchLanguage(page, 'FR');
  expect(await errors.filter({ has: page.locator('td', { hasText: /^ean$/ }) }).innerText()).toContain(
    "Le chiffre de contrôle de l'EAN (le dernier chiffre) est erroné.",
  );
  expect(await errors.filter({ has: page.locator('td', { hasText: /^advance_frequency$/ }) }).innerText()).toContain(
    "Doit être l'une des valeurs",
  );
  await page.getByTestId('import-anchor-warning').getByText('first_advance_start_date', { exact: false }).first().waitFor();
  await saveScreenshot(page, 'import-dry-run-errors-fr');
  await switchLanguage(page, 'EN');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => page.getByTestId('import-errors').innerText()).toContain('Nothing was imported.');
  expect(await contractsAt(page, orgId, eans[0]!)).toHaveLength(0);

  // A good file: checked, imported, then imported again without a change.
  await chooseFile(page, 'move-ins.csv', good);
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  const summary = page.getByTestId('import-summary');
  await expect.poll(() => summary.innerText()).toContain('2 rows ready, 0 already imported.');
  expect(await contractsAt(page, orgId, eans[0]!)).toHaveLength(0);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => summary.innerText()).toContain('2 move-ins created, 0 unchanged');
  await saveScreenshot(page, 'import-done');
  for (const ean of eans) {
    const [contract] = await contractsAt(page, orgId, ean);
    expect(contract).toMatchObject({ moveInDate: '2026-10-01', signatureDate: '2026-09-20', advanceFrequency: 'monthly' });
  }

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => summary.innerText()).toContain('0 move-ins created, 2 unchanged');
  for (const ean of eans) expect(await contractsAt(page, orgId, ean)).toHaveLength(1);
});
