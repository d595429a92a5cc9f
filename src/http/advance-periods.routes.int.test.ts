import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import { type TestApi, openDemoApi } from '../../test/support/test-api.js';

let handle: DatabaseHandle;
let api: TestApi;
let admin: string;
let viewer: string;
let org: string;
beforeAll(async () => {
  ({ handle, api, admin, viewer, org } = await openDemoApi());
});
afterAll(() => handle.close());

const get = (path: string, token = admin) => api.call('GET', `/api/v1/organizations/${org}${path}`, { token });
const skip = (body: unknown, token = admin, headers: Record<string, string> = {}) =>
  api.call('POST', `/api/v1/organizations/${org}/advance-periods/skip`, { token, body, headers });

async function periodRow(id: string) {
  return handle.db
    .selectFrom('advance_periods')
    .select(['status', 'skipped_by', 'skip_reason'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
async function auditCount(id: string) {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${id} AND action = 'skip'`.execute(
    handle.db,
  );
  return row.rows[0]!.n;
}

describe('unbilled advance periods', () => {
  it('lists due planned periods oldest first, every one missing, and pages through them without overlap', async () => {
    const summary = (await get('/unbilled/summary')).json;
    const seen: { advancePeriodId: string; startDate: string; missing: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: typeof seen; nextCursor: string | null } } = await get(
        `/unbilled?kind=advance&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(summary.count);
    expect(summary.count).toBeGreaterThan(100);
    expect(new Set(seen.map((s) => s.advancePeriodId)).size).toBe(seen.length);
    expect(seen.every((s) => s.missing && s.startDate <= '2026-12-03')).toBe(true);
    expect(seen.map((s) => s.startDate)).toEqual([...seen.map((s) => s.startDate)].sort());
  });

  it('filters by contract and by start-date range', async () => {
    const first = (await get('/unbilled?limit=1')).json.items[0];
    const ofContract = (await get(`/unbilled?contractId=${first.contractId}&limit=500`)).json.items;
    expect(ofContract.length).toBeGreaterThan(0);
    expect(ofContract.every((p: { contractId: string }) => p.contractId === first.contractId)).toBe(true);
    const inRange = (await get('/unbilled?from=2026-06-01&to=2026-06-30&limit=500')).json.items;
    expect(inRange.every((p: { startDate: string }) => p.startDate >= '2026-06-01' && p.startDate <= '2026-06-30')).toBe(true);
    const summary = (await get('/unbilled/summary?from=2026-06-01&to=2026-06-30')).json;
    expect(summary.count).toBe(inRange.length);
  });

  it('refuses a bad kind, a bad date and an impossible date with 400', async () => {
    for (const query of [
      'kind=settlement',
      'from=2026-13-01',
      'to=2023-02-29',
      'from=yesterday',
      'from=0000-01-01',
      'q=%00',
      'cursor=WyJ4IiwieSJd',
    ]) {
      const answer = await get(`/unbilled?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.json.error.code).toBe('validation_failed');
    }
  });
});

describe('skipping advance periods', () => {
  it('skips the allowed periods, reports each refused one with its reason, and writes one audit entry each', async () => {
    const [a, b] = (await get('/unbilled?limit=2')).json.items;
    const invoiced = await handle.db
      .selectFrom('advance_periods')
      .select('id')
      .where('organization_id', '=', org)
      .where('status', '=', 'invoiced')
      .executeTakeFirstOrThrow();
    const unknown = '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90';
    const answer = await skip({
      advancePeriodIds: [a.advancePeriodId, b.advancePeriodId, invoiced.id, unknown, 'garbage'],
      reason: 'Customer moved out',
    });
    expect(answer.status).toBe(200);
    expect(answer.json.skipped).toBe(2);
    expect(answer.json.refused).toBe(3);
    expect(answer.json.results).toEqual([
      { advancePeriodId: a.advancePeriodId, ok: true, status: 'skipped' },
      { advancePeriodId: b.advancePeriodId, ok: true, status: 'skipped' },
      { advancePeriodId: invoiced.id, ok: false, error: { code: 'invoice_exists', message: expect.any(String) } },
      { advancePeriodId: unknown, ok: false, error: { code: 'not_found', message: expect.any(String) } },
      { advancePeriodId: 'garbage', ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
    expect(await periodRow(a.advancePeriodId)).toMatchObject({ status: 'skipped', skip_reason: 'Customer moved out' });
    expect(await auditCount(a.advancePeriodId)).toBe(1);
    expect((await periodRow(invoiced.id)).status).toBe('invoiced');

    const again = await skip({ advancePeriodIds: [a.advancePeriodId] });
    expect(again.json.results[0].error.code).toBe('already_skipped');
    expect(await auditCount(a.advancePeriodId)).toBe(1);
    const analysis = (await get(`/contracts/${a.contractId}/billing-analysis`)).json;
    const shown = analysis.billingPeriods
      .flatMap((bp: { advancePeriods: unknown[] }) => bp.advancePeriods)
      .find((p: { id: string }) => p.id === a.advancePeriodId);
    expect(shown).toMatchObject({
      status: 'skipped',
      missing: false,
      skipRefusal: 'already_skipped',
      skipped: { by: 'Demo Admin', reason: 'Customer moved out' },
    });
  });

  it('refuses a planned period of a closed billing period with billing_period_closed', async () => {
    const [p] = (await get('/unbilled?limit=1')).json.items;
    await sql`UPDATE billing_periods SET status = 'closed', closed_at = now()
      WHERE id = (SELECT billing_period_id FROM advance_periods WHERE id = ${p.advancePeriodId})`.execute(handle.db);
    const answer = await skip({ advancePeriodIds: [p.advancePeriodId] });
    expect(answer.json.results[0]).toMatchObject({ ok: false, error: { code: 'billing_period_closed' } });
    expect((await periodRow(p.advancePeriodId)).status).toBe('planned');
  });

  it('skips every period matching a filter', async () => {
    const filter = { kind: 'advance', from: '2026-03-01', to: '2026-03-31' };
    const before = (await get('/unbilled/summary?from=2026-03-01&to=2026-03-31')).json.count;
    expect(before).toBeGreaterThan(0);
    const answer = await skip({ filter, reason: 'March written off' });
    expect(answer.json.skipped).toBe(before);
    expect((await get('/unbilled/summary?from=2026-03-01&to=2026-03-31')).json.count).toBe(0);
  });

  it('forbids a Read-only user to skip (403) and changes nothing', async () => {
    const [p] = (await get('/unbilled?limit=1', viewer)).json.items;
    const answer = await skip({ advancePeriodIds: [p.advancePeriodId] }, viewer);
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
    expect((await periodRow(p.advancePeriodId)).status).toBe('planned');
    expect(await auditCount(p.advancePeriodId)).toBe(0);
  });

  it('answers a retried request with the same Idempotency-Key with the first answer, and refuses the key for another body', async () => {
    const [p, q] = (await get('/unbilled?from=2026-11-01&limit=2')).json.items;
    const headers = { 'idempotency-key': 'skip-retry-1' };
    const first = await skip({ advancePeriodIds: [p.advancePeriodId] }, admin, headers);
    const retry = await skip({ advancePeriodIds: [p.advancePeriodId] }, admin, headers);
    expect(first.json.results[0].ok).toBe(true);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await auditCount(p.advancePeriodId)).toBe(1);
    const other = await skip({ advancePeriodIds: [q.advancePeriodId] }, admin, headers);
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    expect((await periodRow(q.advancePeriodId)).status).toBe('planned');
  });

  it('counts an id sent in two letter cases once', async () => {
    const [p] = (await get('/unbilled?from=2026-11-15&limit=1')).json.items;
    const answer = await skip({ advancePeriodIds: [p.advancePeriodId, p.advancePeriodId.toUpperCase()] });
    expect(answer.json).toMatchObject({ skipped: 1, refused: 0 });
    expect(answer.json.results).toHaveLength(1);
    expect(await auditCount(p.advancePeriodId)).toBe(1);
  });

  it('refuses malformed skip requests with 400 and changes nothing', async () => {
    for (const body of [
      '{"advancePeriodIds":',
      { advancePeriodIds: [] },
      { filter: { from: '0000-01-01' } },
      { advancePeriodIds: ['x'], reason: 'no\u0000' },
      { advancePeriodIds: 'x' },
      { advancePeriodIds: [1, 2] },
      { filter: { kind: 'nope' } },
      {},
    ]) {
      const answer = await skip(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.code).toBe('validation_failed');
    }
  });
});
