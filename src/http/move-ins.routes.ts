import { z } from '@hono/zod-openapi';
import { createMoveIn } from '../app/create-move-in.js';
import { acceptMoveIn } from '../app/accept-move-in.js';
import { listMoveIns } from '../app/list-move-ins.js';
import { rejectMoveIn } from '../app/reject-move-in.js';
import { ADVANCE_FREQUENCIES } from '../domain/advance-frequency.js';
import { ENERGIES } from '../domain/tariff.js';
import { pathId } from './ids.js';
import type { RouteRegistry } from './route-permissions.js';
import { AmountSchema, CalendarDateSchema, IdSchema, OrgParamsSchema, PageQuerySchema, json, jsonBody, paginated } from './schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const AddressInputSchema = z.object({
  line1: text(200),
  postalCode: text(20),
  city: text(100),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code like BE'),
});

const MoveInRequestSchema = z
  .object({
    source: z.enum(['move_request', 'manual']),
    customer: z.union([
      z.object({ customerId: IdSchema }),
      z.object({
        name: text(200),
        email: z.email().max(254).optional(),
        language: z.enum(['en', 'fr', 'nl']).optional(),
        vatNumber: z.string().trim().max(30).optional(),
      }),
    ]),
    connection: z.object({ ean: z.string().max(30), energy: z.enum(ENERGIES), address: AddressInputSchema }),
    moveInDate: CalendarDateSchema,
    signatureDate: CalendarDateSchema,
    productId: IdSchema,
    estimatedAnnualConsumptionKwh: z.number().int().min(0).max(100_000_000),
    advanceFrequency: z.enum(ADVANCE_FREQUENCIES),
    advanceAmount: AmountSchema.refine((v) => Number(v) > 0, 'must be more than 0').optional(),
    firstAdvanceStartDate: CalendarDateSchema.optional().openapi({
      description: 'custom anchor of the advance schedule; empty: the signature date',
    }),
    endDate: CalendarDateSchema.optional().openapi({ description: 'last day of supply of a fixed-term contract' }),
    iban: z.string().max(40).optional(),
  })
  .openapi('MoveInRequest');

const MoveInSchema = z
  .object({ id: z.string(), status: z.enum(['new', 'accepted', 'rejected']), contractId: z.string().nullable() })
  .openapi('MoveIn');
const MoveInParams = OrgParamsSchema.extend({ moveInId: IdSchema });

export function moveInRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'post',
      path: '/move-ins',
      permission: { entity: 'moveIns', action: 'create' },
      summary: 'Register a move-in: manual (accepted at once) or a move request (waits for review)',
      request: { params: OrgParamsSchema, ...jsonBody(MoveInRequestSchema) },
      responses: { 201: json(MoveInSchema, 'The move-in') },
    },
    async (c) => {
      const body = c.req.valid('json');
      const request = {
        ...body,
        productId: body.productId.toLowerCase(),
        customer: 'customerId' in body.customer ? { customerId: body.customer.customerId.toLowerCase() } : body.customer,
      };
      return c.json(await createMoveIn(c.get('org'), request), 201);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/move-ins',
      permission: { entity: 'moveIns', action: 'read' },
      summary: 'Move-ins, oldest first',
      request: { params: OrgParamsSchema, query: PageQuerySchema.extend({ status: z.enum(['new', 'accepted', 'rejected']).optional() }) },
      responses: {
        200: json(
          paginated(
            MoveInSchema.extend({
              source: z.enum(['move_request', 'manual']),
              request: z.unknown(),
              rejectionReason: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
          'A page of move-ins',
        ),
      },
    },
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query');
      return c.json(await listMoveIns(c.get('org'), status, { limit, cursor: cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'post',
      path: '/move-ins/{moveInId}/accept',
      permission: { entity: 'moveIns', action: 'update' },
      summary: 'Accept a move request: creates its contract (idempotent)',
      request: { params: MoveInParams },
      responses: { 200: json(MoveInSchema, 'The accepted move-in') },
    },
    async (c) => c.json(await acceptMoveIn(c.get('org'), pathId(c.req.valid('param').moveInId, 'move-in')), 200),
  );

  routes.org(
    {
      method: 'post',
      path: '/move-ins/{moveInId}/reject',
      permission: { entity: 'moveIns', action: 'update' },
      summary: 'Reject a move request with a reason',
      request: { params: MoveInParams, ...jsonBody(z.object({ reason: text(500) })) },
      responses: { 200: json(MoveInSchema, 'The rejected move-in') },
    },
    async (c) =>
      c.json(await rejectMoveIn(c.get('org'), pathId(c.req.valid('param').moveInId, 'move-in'), c.req.valid('json').reason), 200),
  );
}
