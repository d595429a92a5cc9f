import type { Db } from '../db/connection.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import type { OrgScope } from '../db/scope.js';

/** Who acts; `accessVersion` (from the session) lets resolved permissions be cached until roles or memberships change. */
export type Actor = { tenantId: string; userId: string; accessVersion?: number };

/** Who acts in an organization: a user, or (`userId` null) the operator on the command line. */
export type OrgActor = { tenantId: string; userId: string | null };

/** What a use-case of an organization works with: the database, who acts, where, and the billing "today". */
export type OrgContext = { db: Db; actor: OrgActor; scope: OrgScope; today: CalendarDate };
