import type { Db } from '../db/connection.js';
import type { Actor, OrgContext } from '../app/context.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import type { OrgScope } from '../db/scope.js';

export type Services = {
  db: Db;
  today: () => CalendarDate;
  log: { error(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void };
  /** works queued billing runs off in the background */
  billingRuns: { start(scope: OrgScope, runId: string): void };
};

/** Hono's per-request variables: set by the authentication and authorization middleware. */
export type AppEnv = {
  Variables: {
    services: Services;
    actor: Actor;
    token: string;
    org: OrgContext;
    /** On tenant-level routes: the organizations in which the caller's role grants the route's permission. */
    grantedOrganizations: string[];
  };
};
