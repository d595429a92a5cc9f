import { z } from '@hono/zod-openapi';
import { acceptMoveIn } from '../app/accept-move-in.js';
import { createMoveIn } from '../app/create-move-in.js';
import { getMoveIn } from '../app/get-move-in.js';
import { listMoveIns } from '../app/list-move-ins.js';
import type { MoveInRequest } from '../app/move-in-request.js';
import { proposeAdvance } from '../app/propose-advance.js';
import { rejectMoveIn } from '../app/reject-move-in.js';
import { updateMoveIn } from '../app/update-move-in.js';
import { ADVANCE_FREQUENCIES } from '../domain/advance-frequency.js';
import { pathId } from './ids.js';
import {
  ConsumptionSchema,
  EndPreviousContractSchema,
  HouseholdSizeSchema,
  MoveInDraftSchema,
  MoveInRequestSchema,
  QueryIntegerSchema,
  text,
} from './move-in-schemas.js';
import type { RouteRegistry } from './route-permissions.js';
import { IdSchema, MoneySchema, OrgParamsSchema, PageQuerySchema, json, jsonBody, paginated } from './schemas.js';

const MoveInStatusSchema = z.enum(['new', 'accepted', 'rejected']);
const MoveInSchema = z.object({ id: z.string(), status: MoveInStatusSchema, contractId: z.string().nullable() }).openapi('MoveIn');
const MoveInItemSchema = MoveInSchema.extend({
  source: z.enum(['move_request', 'manual']),
  request: z.unknown().openapi({ description: 'the move-in as received or last corrected (MoveInDraft)' }),
  rejectionReason: z.string().nullable(),
  createdAt: z.string(),
}).openapi('MoveInItem');
const MoveInDetailSchema = MoveInItemSchema.extend({
  problems: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .openapi({ description: 'what must be completed or corrected before a new move-in can be accepted' }),
}).openapi('MoveInDetail');
const MoveInParams = OrgParamsSchema.extend({ moveInId: IdSchema });

/** Ids compare in lower case. */
function withNormalizedIds<T extends Omit<MoveInRequest, 'source'>>(body: T): T {
  return {
    ...body,
    productId: body.productId?.toLowerCase(),
    customer: 'customerId' in body.customer ? { customerId: body.customer.customerId.toLowerCase() } : body.customer,
  };
}

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
      const { endPreviousContract, ...request } = c.req.valid('json');
      return c.json(await createMoveIn(c.get('org'), withNormalizedIds(request), { endPreviousContract }), 201);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/move-ins',
      permission: { entity: 'moveIns', action: 'read' },
      summary: 'Move-ins, oldest first',
      request: { params: OrgParamsSchema, query: PageQuerySchema.extend({ status: MoveInStatusSchema.optional() }) },
      responses: { 200: json(paginated(MoveInItemSchema), 'A page of move-ins') },
    },
    async (c) => {
      const { status, limit, cursor } = c.req.valid('query');
      return c.json(await listMoveIns(c.get('org'), status, { limit, cursor: cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/move-ins/{moveInId}',
      permission: { entity: 'moveIns', action: 'read' },
      summary: 'A move-in, with what it still lacks to be accepted',
      request: { params: MoveInParams },
      responses: { 200: json(MoveInDetailSchema, 'The move-in') },
    },
    async (c) => c.json(await getMoveIn(c.get('org'), pathId(c.req.valid('param').moveInId, 'move-in')), 200),
  );

  routes.org(
    {
      method: 'put',
      path: '/move-ins/{moveInId}',
      permission: { entity: 'moveIns', action: 'update' },
      summary: 'Complete or correct a new move request',
      request: { params: MoveInParams, ...jsonBody(MoveInDraftSchema) },
      responses: { 200: json(MoveInDetailSchema, 'The corrected move-in') },
    },
    async (c) =>
      c.json(
        await updateMoveIn(c.get('org'), pathId(c.req.valid('param').moveInId, 'move-in'), withNormalizedIds(c.req.valid('json'))),
        200,
      ),
  );

  routes.org(
    {
      method: 'post',
      path: '/move-ins/{moveInId}/accept',
      permission: { entity: 'moveIns', action: 'update' },
      summary: 'Accept a move request: creates its contract (idempotent)',
      request: {
        params: MoveInParams,
        body: { content: { 'application/json': { schema: EndPreviousContractSchema } }, required: false },
      },
      responses: { 200: json(MoveInSchema, 'The accepted move-in') },
    },
    async (c) => {
      const options = c.req.header('content-type') ? c.req.valid('json') : {};
      return c.json(await acceptMoveIn(c.get('org'), pathId(c.req.valid('param').moveInId, 'move-in'), options), 200);
    },
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

  routes.org(
    {
      method: 'get',
      path: '/products/{productId}/advance-proposal',
      permission: { entity: 'products', action: 'read' },
      summary: "The proposed advance: a year's estimated cost with the product's prices, per advance period",
      request: {
        params: OrgParamsSchema.extend({ productId: IdSchema }),
        query: z.object({
          advanceFrequency: z.enum(ADVANCE_FREQUENCIES),
          estimatedAnnualConsumptionKwh: QueryIntegerSchema.pipe(ConsumptionSchema).optional(),
          householdSize: QueryIntegerSchema.pipe(HouseholdSizeSchema).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ estimatedAnnualConsumptionKwh: z.number().int(), advanceAmount: MoneySchema.nullable() }).openapi('AdvanceProposal'),
          'The proposal',
        ),
      },
    },
    async (c) => c.json(await proposeAdvance(c.get('org'), pathId(c.req.valid('param').productId, 'product'), c.req.valid('query')), 200),
  );
}
