import { z } from '@hono/zod-openapi';
import { listUnbilled } from '../app/list-unbilled.js';
import { summarizeUnbilled } from '../app/summarize-unbilled.js';
import { MAX_SKIP_SELECTION, skipAdvancePeriods } from '../app/skip-advance-periods.js';
import type { CalendarDate } from '../domain/calendar-date.js';
import { SKIP_REFUSALS } from '../domain/advance-period-state.js';
import { ENERGIES } from '../domain/tariff.js';
import type { RouteRegistry } from './route-permissions.js';
import { CalendarDateSchema, IdSchema, MoneySchema, OrgParamsSchema, PageQuerySchema, json, jsonBody, paginated } from './schemas.js';

const UnbilledFilterSchema = z.object({
  kind: z.enum(['advance']).default('advance'),
  contractId: IdSchema.optional(),
  q: z.string().max(200).optional().openapi({ description: 'customer name or EAN contains' }),
  from: CalendarDateSchema.optional().openapi({ description: 'periods starting on or after' }),
  to: CalendarDateSchema.optional().openapi({ description: 'periods starting on or before' }),
});

const UnbilledItemSchema = z
  .object({
    advancePeriodId: z.string(),
    contractId: z.string(),
    customerName: z.string(),
    ean: z.string(),
    energy: z.enum(ENERGIES),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema,
    amount: MoneySchema,
    missing: z.boolean(),
  })
  .openapi('UnbilledAdvancePeriod');

const SkipResultSchema = z
  .union([
    z.object({ advancePeriodId: z.string(), ok: z.literal(true), status: z.literal('skipped') }),
    z.object({
      advancePeriodId: z.string(),
      ok: z.literal(false),
      error: z.object({ code: z.enum([...SKIP_REFUSALS, 'not_found']), message: z.string() }),
    }),
  ])
  .openapi('SkipResult');

const ReasonSchema = z.string().trim().max(500).optional();

const SkipRequestSchema = z
  .union([
    z.object({ advancePeriodIds: z.array(z.string().max(100)).min(1).max(MAX_SKIP_SELECTION), reason: ReasonSchema }),
    z.object({ filter: UnbilledFilterSchema, reason: ReasonSchema }),
  ])
  .openapi('SkipRequest');

type UnbilledFilter = z.infer<typeof UnbilledFilterSchema>;

function unbilledQuery(filter: UnbilledFilter) {
  return {
    contractId: filter.contractId?.toLowerCase(),
    q: filter.q,
    from: filter.from as CalendarDate | undefined,
    to: filter.to as CalendarDate | undefined,
  };
}

export function advancePeriodRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'get',
      path: '/unbilled',
      permission: { entity: 'advancePeriods', action: 'read' },
      summary: 'Due advance periods without an invoice, oldest first',
      request: { params: OrgParamsSchema, query: PageQuerySchema.extend(UnbilledFilterSchema.shape) },
      responses: { 200: json(paginated(UnbilledItemSchema), 'A page of unbilled periods') },
    },
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await listUnbilled(c.get('org'), unbilledQuery(query), { limit: query.limit, cursor: query.cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/unbilled/summary',
      permission: { entity: 'advancePeriods', action: 'read' },
      summary: 'How many periods the unbilled filter matches, and their total',
      request: { params: OrgParamsSchema, query: UnbilledFilterSchema },
      responses: { 200: json(z.object({ count: z.number().int(), totalAmount: MoneySchema }), 'The count and total') },
    },
    async (c) => c.json(await summarizeUnbilled(c.get('org'), unbilledQuery(c.req.valid('query'))), 200),
  );

  routes.org(
    {
      method: 'post',
      path: '/advance-periods/skip',
      permission: { entity: 'advancePeriods', action: 'skip' },
      summary: 'Skip advance periods, each on its own',
      description: `By ids, or every period the unbilled filter matches (at most ${MAX_SKIP_SELECTION}). Refused periods report why.`,
      request: { params: OrgParamsSchema, ...jsonBody(SkipRequestSchema) },
      responses: {
        200: json(
          z.object({ results: z.array(SkipResultSchema), skipped: z.number().int(), refused: z.number().int() }),
          'The result of each period',
        ),
      },
    },
    async (c) => {
      const body = c.req.valid('json');
      const selection = 'advancePeriodIds' in body ? { advancePeriodIds: body.advancePeriodIds } : { filter: unbilledQuery(body.filter) };
      return c.json(await skipAdvancePeriods(c.get('org'), selection, body.reason || null), 200);
    },
  );
}
