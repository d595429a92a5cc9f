import path from 'node:path';
import { calendarDate, todayIn, type CalendarDate } from './domain/calendar-date.js';
import type { DatabaseConfig } from './db/connection.js';

export type Config = {
  port: number;
  database: DatabaseConfig;
  seedDemo: boolean;
  /** The billing "today": the date in Europe/Brussels, or a fixed date for demos and tests (WATTBILL_TODAY). */
  today: () => CalendarDate;
};

export const BILLING_TIME_ZONE = 'Europe/Brussels';

/** Reads the environment once, at the composition root; nothing else reads it. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const fixedToday = env.WATTBILL_TODAY ? calendarDate(env.WATTBILL_TODAY) : null;
  const database: DatabaseConfig = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: path.resolve(env.DATA_DIR ?? 'data') };
  return {
    port: Number(env.PORT ?? 3000),
    database,
    // the demo fills an empty embedded database by default; a server database only when asked (SEED_DEMO=1)
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === '1' : !env.DATABASE_URL,
    today: fixedToday ? () => fixedToday : () => todayIn(BILLING_TIME_ZONE),
  };
}
