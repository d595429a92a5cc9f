import { expect, it } from 'vitest';
import type {
  BillingAnalysis,
  CustomerAccount,
  Invoice,
  InvoicePage,
  Me,
  OrganizationSettings,
  Page as ListPage,
  UnbilledAdvancePeriod,
} from '../../web/api/types.js';
import { ADMIN, apiJson, logIn, saveScreenshot, switchLanguage, useBrowser, VIEWER } from './browser.js';

const newPage = useBrowser();

// The second organization of the demo tenant: the other browser tests work in the first one and count its unbilled periods.
const ORGANIZATION = 'Wattbill Gaz Wallonie';

it('bills one contract from Unbilled: the run reaches done, its drafts are finalized, deleted, paid', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const me = await apiJson<Me>(page, 'GET', '/me');
  const orgId = me.organizations.find((o) => o.name === ORGANIZATION)?.id;
  if (!orgId) throw new Error(`the admin is not in ${ORGANIZATION}`);

  // A contract with three due periods without an invoice.
  const unbilled = await apiJson<ListPage<UnbilledAdvancePeriod>>(page, 'GET', `/organizations/${orgId}/unbilled?kind=advance&limit=200`);
  const byContract = new Map<string, UnbilledAdvancePeriod[]>();
  for (const period of unbilled.items) byContract.set(period.contractId, [...(byContract.get(period.contractId) ?? []), period]);
  // Counted again on its own: the first page of the list may not hold all of a contract's periods.
  const summaries = await Promise.all(
    [...byContract.keys()].map(async (id) => ({
      id,
      count: (await apiJson<{ count: number }>(page, 'GET', `/organizations/${orgId}/unbilled/summary?kind=advance&contractId=${id}`))
        .count,
    })),
  );
  const contractId = summaries.find((s) => s.count === 3 && byContract.get(s.id)?.length === 3)?.id;
  if (!contractId) throw new Error('no contract with three unbilled periods');
  const ean = byContract.get(contractId)![0]!.ean;

  // Unbilled, filtered to its EAN, bills exactly these.
  await page.goto(`/#/orgs/${orgId}/dashboard/unbilled`);
  await page.getByLabel('Customer or EAN').fill(ean);
  await page.getByTestId('unbilled-summary').filter({ hasText: '3 due advance periods' }).waitFor();
  await page.getByRole('button', { name: 'Bill these' }).click();
  const modal = page.getByRole('dialog', { name: 'New advance billing run' });
  await modal.getByText('3 due periods matching the filter').waitFor();
  expect(await modal.getByRole('textbox', { name: 'Run date' }).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  expect(await modal.getByRole('checkbox', { name: 'Finalize the invoices in the run' }).isChecked()).toBe(false); // the organization's default
  await saveScreenshot(page, 'billing-run-new');
  await modal.getByRole('button', { name: 'Start the run' }).click();

  // The run page follows the run to its end, then says what it made.
  await page.waitForURL(/#\/orgs\/[^/]+\/billing-runs\/[^/]+$/);
  const runId = decodeURIComponent(page.url().split('/').at(-1) ?? '');
  const summary = page.getByTestId('billing-run-summary');
  await summary.waitFor();
  expect(await page.getByTestId('billing-run-progress').getAttribute('data-status')).toBe('done');
  expect(await page.getByTestId('billing-run-progress').innerText()).toContain('3 of 3 periods (100 %)');
  expect(await summary.getByTestId('summary-drafts').innerText()).toBe('3');
  expect(await summary.getByTestId('summary-invoices').innerText()).toBe('0');

  // Its drafts, with the totals of all three.
  const drafts = await apiJson<InvoicePage>(page, 'GET', `/organizations/${orgId}/invoices?status=draft&billingRunId=${runId}`);
  expect(drafts.totals.count).toBe(3);
  expect(drafts.items.every((invoice) => invoice.contractId === contractId && invoice.number === null)).toBe(true);
  const rows = page.getByTestId('invoice-row');
  await expect.poll(() => rows.count()).toBe(3);
  const totals = await page.getByTestId('invoice-totals').innerText();
  expect(totals).toContain('3 drafts');
  expect(totals).toContain(euro(drafts.totals.gross));
  expect(totals).toContain(euro(drafts.totals.vat));
  await saveScreenshot(page, 'billing-run-done');

  // One draft opened: its lines; then deleted, and its period is planned (and missing) again.
  const deleted = drafts.items[0]!;
  await rows
    .filter({ has: page.locator(`[href$="/invoices/${deleted.id}"]`) })
    .getByRole('link')
    .first()
    .click();
  await page.getByTestId('invoice').waitFor();
  expect(await page.getByTestId('invoice-number').innerText()).toBe('Draft');
  expect(await page.getByTestId('invoice-lines').getByRole('row').count()).toBeGreaterThanOrEqual(2);
  await saveScreenshot(page, 'invoice-draft');
  await page.getByRole('button', { name: 'Delete draft' }).click();
  await page.getByRole('dialog', { name: 'Delete this draft?' }).getByRole('button', { name: 'Delete the draft' }).click();
  await page.waitForURL(/#\/orgs\/[^/]+\/contracts\/[^/]+\/billing-analysis$/);
  const periodRow = page.locator(`[data-advance-period-id="${deleted.advancePeriodId}"]`);
  await periodRow.getByTestId('missing-badge').waitFor();
  expect(await periodRow.locator('[data-status]').first().getAttribute('data-status')).toBe('planned');
  const analysis = await apiJson<BillingAnalysis>(page, 'GET', `/organizations/${orgId}/contracts/${contractId}/billing-analysis`);
  const period = analysis.billingPeriods.flatMap((b) => b.advancePeriods).find((p) => p.id === deleted.advancePeriodId);
  expect(period).toMatchObject({ status: 'planned', missing: true, invoiceId: null });

  // Back on the run: the two drafts left are finalized together and get their numbers.
  await page.goto(`/#/orgs/${orgId}/billing-runs/${runId}`);
  await page.getByRole('button', { name: 'Finalize all 2 drafts of this run' }).click();
  await page.getByText('2 invoices finalized.').waitFor();
  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Final').click();
  await expect.poll(() => rows.count()).toBe(2);
  const finals = await apiJson<InvoicePage>(page, 'GET', `/organizations/${orgId}/invoices?status=final&billingRunId=${runId}`);
  expect(finals.items.map((invoice) => invoice.number)).toEqual([
    expect.stringMatching(/^AC-2026-\d+$/),
    expect.stringMatching(/^AC-2026-\d+$/),
  ]);
  const first = [...finals.items].sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))[0] as Invoice;
  await page.getByRole('link', { name: first.number! }).click();
  await page.getByTestId('invoice').waitFor();
  expect(await page.getByTestId('invoice-number').innerText()).toBe(first.number);
  expect(await page.getByTestId('payment-reference').innerText()).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
  expect(await page.getByTestId('invoice-outstanding').innerText()).toBe(euro(first.totals.gross));
  const pdfLink = page.getByRole('link', { name: 'PDF' });
  expect(await pdfLink.getAttribute('target')).toBe('_blank');
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(await page.getByRole('button', { name: 'Finalize' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Delete draft' }).count()).toBe(0);
  await saveScreenshot(page, 'invoice-final');

  // The contract's account: a payment of the invoice's amount; the balance goes down by it, the invoices show it paid.
  await page.goto(`/#/orgs/${orgId}/contracts/${contractId}/account`);
  const account = page.getByTestId('customer-account');
  await account.waitFor();
  const before = await apiJson<CustomerAccount>(
    page,
    'GET',
    `/organizations/${orgId}/customers/${first.customerId}/account?contractId=${contractId}`,
  );
  await page.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog', { name: 'Record payment' });
  await payment.getByRole('textbox', { name: 'Amount' }).fill(first.totals.gross.replace('.', ','));
  await payment.getByRole('textbox', { name: 'Reference' }).fill(first.paymentReference ?? 'test');
  await payment.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByText('Payment recorded.').waitFor();
  const after = await apiJson<CustomerAccount>(
    page,
    'GET',
    `/organizations/${orgId}/customers/${first.customerId}/account?contractId=${contractId}`,
  );
  expect(Number(after.balance)).toBeCloseTo(Number(before.balance) - Number(first.totals.gross), 2);
  await expect.poll(() => page.getByTestId('account-balance').innerText()).toBe(euro(after.balance));
  // Allocated oldest due date first, maybe to an older invoice of the contract: what was paid went up by the amount.
  const paidBefore = before.invoices.reduce((sum, invoice) => sum + Number(invoice.paid), 0);
  const paidAfter = after.invoices.reduce((sum, invoice) => sum + Number(invoice.paid), 0);
  expect(paidAfter - paidBefore).toBeCloseTo(Number(first.totals.gross), 2);
  for (const invoice of after.invoices) {
    const row = page.locator(`[data-testid="account-invoice"][data-number="${invoice.number}"]`);
    expect(await row.getByTestId('paid').innerText()).toBe(euro(invoice.paid));
    expect(await row.getByTestId('outstanding').innerText()).toBe(euro(invoice.outstanding));
  }
  expect(await account.locator('[data-testid="account-entry"][data-kind="payment"]').count()).toBe(1);
  await saveScreenshot(page, 'customer-account');

  // A Read-only user sees the run, the invoices and the account, and nothing to change them.
  const viewer = await newPage();
  await viewer.setViewportSize({ width: 1280, height: 800 });
  await logIn(viewer, VIEWER);
  await viewer.goto(`/#/orgs/${orgId}/billing-runs`);
  await viewer.getByTestId('billing-run-row').first().waitFor();
  expect(await viewer.getByRole('button', { name: 'New advance run' }).count()).toBe(0);
  await switchLanguage(viewer, 'NL');
  await viewer.getByRole('heading', { name: 'Facturatieruns' }).waitFor();
  expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await saveScreenshot(viewer, 'billing-runs-read-only-nl');
  await switchLanguage(viewer, 'EN');
  await viewer.goto(`/#/orgs/${orgId}/billing-runs/${runId}`);
  await viewer.getByTestId('billing-run-summary').waitFor();
  await viewer.getByTestId('invoice-totals').waitFor();
  expect(await viewer.getByRole('button', { name: /^Finalize/ }).count()).toBe(0);
  await viewer.goto(`/#/orgs/${orgId}/invoices/${drafts.items[1]!.id}`);
  await viewer.getByTestId('invoice').waitFor();
  expect(await viewer.getByRole('button', { name: /Finalize|Delete/ }).count()).toBe(0);
  await viewer.goto(`/#/orgs/${orgId}/contracts/${contractId}/account`);
  await viewer.getByTestId('customer-account').waitFor();
  expect(await viewer.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
  await viewer.goto(`/#/orgs/${orgId}/dashboard/unbilled`);
  await viewer.getByTestId('unbilled-summary').waitFor();
  expect(await viewer.getByRole('button', { name: 'Bill these' }).count()).toBe(0);
  await viewer.goto(`/#/orgs/${orgId}/settings`);
  await viewer.getByTestId('settings-form').waitFor();
  expect(await viewer.getByRole('button', { name: 'Save' }).count()).toBe(0);
  await saveScreenshot(viewer, 'read-only-settings');
});

it('lets an Admin change the invoicing settings and the supplier logo, and lists the invoices in French', async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, ADMIN);
  const me = await apiJson<Me>(page, 'GET', '/me');
  const orgId = me.organizations.find((o) => o.name === ORGANIZATION)?.id;
  if (!orgId) throw new Error(`the admin is not in ${ORGANIZATION}`);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(/#\/orgs\/[^/]+\/settings$/);
  await page.goto(`/#/orgs/${orgId}/settings`);
  const form = page.getByTestId('settings-form');
  await form.waitFor();
  await page.getByRole('textbox', { name: 'Phone' }).fill('+32 4 999 99 99');
  // A logo that is not PNG or JPEG is refused before anything is sent; a PNG is shown and saved as a data URL.
  const logo = form.locator('input[type="file"]');
  await logo.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await page.getByText('The logo must be a PNG or JPEG image.').waitFor();
  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(ONE_PIXEL_PNG, 'base64') });
  await page.getByTestId('logo-preview').waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved.').waitFor();
  const settings = await apiJson<OrganizationSettings>(page, 'GET', `/organizations/${orgId}/settings`);
  expect(settings.supplier.phone).toBe('+32 4 999 99 99');
  expect(settings.supplier.logo).toBe(`data:image/png;base64,${ONE_PIXEL_PNG}`);
  await saveScreenshot(page, 'settings');

  await page.goto(`/#/orgs/${orgId}/invoices`);
  await switchLanguage(page, 'FR');
  await page.getByRole('radiogroup', { name: 'Statut' }).getByText('Définitives').click();
  await page.getByTestId('invoice-row').first().waitFor();
  expect(await page.getByTestId('invoice-count').innerText()).toMatch(/^[\d\s\u202f]+ factures$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await saveScreenshot(page, 'invoices-final-fr');
  await switchLanguage(page, 'EN');
});

// The smallest PNG: one transparent pixel.
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** An amount as the English interface writes it: `€211.87`, `-€5.00`. */
function euro(amount: string): string {
  return new Intl.NumberFormat('en-BE', { style: 'currency', currency: 'EUR' }).format(amount as Intl.StringNumericLiteral);
}
