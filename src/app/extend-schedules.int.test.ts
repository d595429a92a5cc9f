import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connection.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { openTestDatabase, TEST_TODAY } from '../../test/support/test-database.js';
import { extendSchedules } from './extend-schedules.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const snapshot = async () =>
  (
    await sql<{ id: string; contract_id: string; start_date: string; status: string; amount: string }>`
      SELECT id, contract_id, start_date, status, amount FROM advance_periods ORDER BY contract_id, start_date`.execute(handle.db)
  ).rows;

describe('extending schedules as today moves on', () => {
  it('adds nothing when run again on the day the schedules were made', async () => {
    const before = await snapshot();
    expect(await extendSchedules(handle.db, TEST_TODAY)).toBe(512);
    expect(await snapshot()).toEqual(before);
  });

  it('a year later, adds the new periods and keeps every existing one exactly as it was', async () => {
    const before = await snapshot();
    await extendSchedules(handle.db, '2027-12-03' as CalendarDate);
    const after = await snapshot();
    expect(after.length).toBeGreaterThan(before.length);
    const byId = new Map(after.map((p) => [p.id, p]));
    expect(before.every((p) => JSON.stringify(byId.get(p.id)) === JSON.stringify(p))).toBe(true);
    const keys = after.map((p) => `${p.contract_id}/${p.start_date}`);
    expect(new Set(keys).size).toBe(keys.length);
    const next = await sql<{ n: number }>`SELECT count(*)::int AS n FROM advance_periods WHERE start_date > '2027-12-03'`.execute(
      handle.db,
    );
    expect(next.rows[0]!.n).toBeGreaterThan(0);
  });
});
