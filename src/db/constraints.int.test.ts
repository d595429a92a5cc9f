import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import { openTestDatabase } from '../../test/support/test-database.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function periodWith(status: string) {
  const row = await sql<{
    id: string;
    tenant_id: string;
    organization_id: string;
    contract_id: string;
    billing_period_id: string;
    start_date: string;
    amount: string;
  }>`
    SELECT id, tenant_id, organization_id, contract_id, billing_period_id, start_date, amount FROM advance_periods WHERE status = ${status} ORDER BY id LIMIT 1`.execute(
    handle.db,
  );
  return row.rows[0]!;
}

async function customerOf(contractId: string) {
  return (await handle.db.selectFrom('contracts').select('customer_id').where('id', '=', contractId).executeTakeFirstOrThrow()).customer_id;
}

async function draftInvoiceFor(p: Awaited<ReturnType<typeof periodWith>>) {
  await sql`INSERT INTO invoices (tenant_id, organization_id, kind, status, customer_id, contract_id, advance_period_id, period_start, period_end, net, vat, gross)
    VALUES (${p.tenant_id}, ${p.organization_id}, 'advance', 'draft', ${await customerOf(p.contract_id)}, ${p.contract_id}, ${p.id}, ${p.start_date}, ${p.start_date}, 1.00, 0.06, 1.06)`.execute(
    handle.db,
  );
}

/** Refused by a constraint or trigger: check violation (23514, our triggers raise it too) or unique violation (23505). */
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: expect.stringMatching(/^(23514|23505)$/) });

describe('rules the database guarantees', () => {
  it('allows one advance period per (contract, start date)', async () => {
    const p = await periodWith('planned');
    await refused(
      sql`INSERT INTO advance_periods (tenant_id, organization_id, contract_id, billing_period_id, start_date, end_date, amount)
        VALUES (${p.tenant_id}, ${p.organization_id}, ${p.contract_id}, ${p.billing_period_id}, ${p.start_date}, ${p.start_date}, ${p.amount})`.execute(
        handle.db,
      ),
    );
  });

  it('never lets a skipped period get an invoice', async () => {
    await refused(draftInvoiceFor(await periodWith('skipped')));
  });

  it('refuses an invoice for a planned period that was not moved to draft in the same change', async () => {
    await refused(draftInvoiceFor(await periodWith('planned')));
  });

  it('allows one invoice per advance period', async () => {
    const p = await periodWith('invoiced');
    await refused(draftInvoiceFor(p));
  });

  it('moves a period only along the allowed transitions', async () => {
    const setStatus = (id: string, status: string) =>
      sql`UPDATE advance_periods SET status = ${status}, skipped_at = CASE WHEN ${status} = 'skipped' THEN now() END WHERE id = ${id}`.execute(
        handle.db,
      );
    await refused(setStatus((await periodWith('skipped')).id, 'planned'));
    await refused(setStatus((await periodWith('invoiced')).id, 'planned'));
    await refused(setStatus((await periodWith('invoiced')).id, 'skipped'));
  });

  it('never deletes an invoiced or skipped period, nor changes its dates or amount', async () => {
    const skipped = await periodWith('skipped');
    await refused(sql`DELETE FROM advance_periods WHERE id = ${skipped.id}`.execute(handle.db));
    await refused(sql`UPDATE advance_periods SET amount = amount + 1 WHERE id = ${(await periodWith('invoiced')).id}`.execute(handle.db));
  });

  it('checks at commit that a draft or invoiced period has its invoice', async () => {
    const p = await periodWith('planned');
    await refused(
      handle.db.transaction().execute(async (tx) => sql`UPDATE advance_periods SET status = 'draft' WHERE id = ${p.id}`.execute(tx)),
    );
    const row = await sql<{ status: string }>`SELECT status FROM advance_periods WHERE id = ${p.id}`.execute(handle.db);
    expect(row.rows[0]!.status).toBe('planned');
  });

  it('accepts a period moved to draft together with its draft invoice', async () => {
    const p = await periodWith('planned');
    const customerId = await customerOf(p.contract_id); // outside the transaction: PGlite has one connection
    await handle.db.transaction().execute(async (tx) => {
      await sql`UPDATE advance_periods SET status = 'draft' WHERE id = ${p.id}`.execute(tx);
      await sql`INSERT INTO invoices (tenant_id, organization_id, kind, status, customer_id, contract_id, advance_period_id, period_start, period_end, net, vat, gross)
        VALUES (${p.tenant_id}, ${p.organization_id}, 'advance', 'draft', ${customerId}, ${p.contract_id}, ${p.id}, ${p.start_date}, ${p.start_date}, 1.00, 0.06, 1.06)`.execute(
        tx,
      );
    });
    const row = await sql<{ status: string }>`SELECT status FROM advance_periods WHERE id = ${p.id}`.execute(handle.db);
    expect(row.rows[0]!.status).toBe('draft');
  });

  it('never reopens a closed billing period', async () => {
    const closed = await sql<{ id: string }>`SELECT id FROM billing_periods WHERE status = 'closed' LIMIT 1`.execute(handle.db);
    await refused(sql`UPDATE billing_periods SET status = 'open', closed_at = NULL WHERE id = ${closed.rows[0]!.id}`.execute(handle.db));
  });

  it('keeps an invoice number unique in its organization and totals reconciled', async () => {
    const invoice = await sql<{
      id: string;
      organization_id: string;
      number: string;
    }>`SELECT id, organization_id, number FROM invoices WHERE status = 'final' LIMIT 2`.execute(handle.db);
    const [a, b] = invoice.rows;
    await refused(sql`UPDATE invoices SET number = ${a!.number} WHERE id = ${b!.id}`.execute(handle.db));
    await refused(sql`UPDATE invoices SET gross = gross + 0.01 WHERE id = ${a!.id}`.execute(handle.db));
  });
});
