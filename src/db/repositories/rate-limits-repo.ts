import { sql } from 'kysely';
import type { Db } from '../connection.js';

/**
 * Counts one request of a key in its current window (a new window once the last one is over), in
 * one statement, so that servers counting at once never lose a hit. Answers the count and the window's start.
 */
export async function countRequest(db: Db, key: string, now: Date, windowMs: number) {
  const windowOver = new Date(now.getTime() - windowMs);
  return db
    .insertInto('rate_limits')
    .values({ key, hits: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`CASE WHEN rate_limits.window_started_at <= ${windowOver} THEN 1 ELSE rate_limits.hits + 1 END`,
        window_started_at: sql`CASE WHEN rate_limits.window_started_at <= ${windowOver} THEN ${now} ELSE rate_limits.window_started_at END`,
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
}
