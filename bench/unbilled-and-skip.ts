/**
 * The unbilled list (first and next pages, through HTTP) and a bulk skip of 10,000 periods, on a
 * PostgreSQL server with 1,000,000 seeded periods and on PGlite with 100,000.
 * Run: npx tsx bench/unbilled-and-skip.ts [postgres|pglite]   (postgres uses BENCH_DATABASE_URL or the local server)
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import type { CalendarDate } from '../src/domain/calendar-date.js';
import { buildApp } from '../src/http/app.js';
import { openBenchDatabase } from './bench-database.js';
import { BENCH_ADMIN, seedBenchTenant } from './bench-tenant.js';
import { ms, timeRuns } from './measure.js';

const TODAY = '2026-12-03' as CalendarDate;
export async function benchUnbilledAndSkip(kind: 'postgres' | 'pglite') {
  const periods = kind === 'postgres' ? 1_000_000 : 100_000;
  const handle = await openBenchDatabase(kind);
  try {
    const seedStarted = Date.now();
    const bench = await seedBenchTenant(handle, periods, TODAY);
    console.log(
      `${kind}: seeded ${bench.periods} advance periods of ${bench.contracts} contracts in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
    );

    const { app } = buildApp({
      db: handle.db,
      today: () => TODAY,
      log: { error: (e) => console.error(e), info: () => {} },
      billingRuns: { start: () => {} },
    });
    const server = serve({ fetch: app.fetch, port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(BENCH_ADMIN),
      })
    ).json();
    const headers = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const list = `${base}/api/v1/organizations/${bench.organizationId}/unbilled?kind=advance&limit=50`;
    const page = async (cursor: string | null) => {
      const answer = await fetch(cursor ? `${list}&cursor=${cursor}` : list, { headers });
      if (answer.status !== 200) throw new Error(`unbilled answered ${answer.status}`);
      return (await answer.json()) as { items: unknown[]; nextCursor: string | null };
    };

    const first = await timeRuns(200, () => page(null));
    let cursor = (await page(null)).nextCursor;
    const next = await timeRuns(400, async () => {
      const answer = await page(cursor);
      cursor = answer.nextCursor;
    });
    const results: Record<string, number> = { unbilledFirstPageMedianMs: first.median, unbilledNextPageMedianMs: next.median };
    console.log(
      `${kind}: unbilled first page median ${ms(first.median)} (p95 ${ms(first.p95)}); next page median ${ms(next.median)} (p95 ${ms(next.p95)}) over ${bench.periods} periods`,
    );

    const skips: number[] = [];
    for (let run = 0; run < 3; run++) {
      const ids = await sql<{
        id: string;
      }>`SELECT id FROM advance_periods WHERE organization_id = ${bench.organizationId} AND status = 'planned'
        ORDER BY start_date DESC, id LIMIT 10000`.execute(handle.db);
      const started = performance.now();
      const answer = await fetch(`${base}/api/v1/organizations/${bench.organizationId}/advance-periods/skip`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ advancePeriodIds: ids.rows.map((r) => r.id), reason: 'bench' }),
      });
      const body = (await answer.json()) as { skipped: number };
      skips.push(performance.now() - started);
      if (body.skipped !== 10_000) throw new Error(`skipped ${body.skipped}`);
    }
    skips.sort((a, b) => a - b);
    results.bulkSkip10kMedianMs = skips[1]!;
    console.log(`${kind}: bulk skip of 10,000 periods with audit entries, median of 3: ${ms(skips[1]!)} (${skips.map(ms).join(', ')})`);
    server.close();
    return results;
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  await benchUnbilledAndSkip(kind);
}
