import { z } from '@hono/zod-openapi';
import { getBillingAnalysis } from '../app/get-billing-analysis.js';
import { correctContractTerms } from '../app/correct-contract-terms.js';
import { getContract } from '../app/get-contract.js';
import { listContracts } from '../app/list-contracts.js';
import { ADVANCE_FREQUENCIES } from '../domain/advance-frequency.js';
import { ADVANCE_PERIOD_STATUSES, SKIP_REFUSALS } from '../domain/advance-period-state.js';
import { ENERGIES } from '../domain/tariff.js';
import { pathId } from './ids.js';
import type { RouteRegistry } from './route-permissions.js';
import {
  AmountSchema,
  CalendarDateSchema,
  IdSchema,
  MoneySchema,
  OrgParamsSchema,
  PageQuerySchema,
  json,
  jsonBody,
  paginated,
} from './schemas.js';

const ContractSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    ean: z.string(),
    energy: z.enum(ENERGIES),
    status: z.enum(['pending', 'active', 'ended']),
    moveInDate: CalendarDateSchema,
    signatureDate: CalendarDateSchema,
    endDate: CalendarDateSchema.nullable(),
    advanceFrequency: z.enum(ADVANCE_FREQUENCIES),
    advanceAmount: MoneySchema.nullable(),
    firstAdvanceStartDate: CalendarDateSchema.nullable(),
    estimatedAnnualConsumptionKwh: z.number().int(),
    productId: z.string(),
    customerName: z.string(),
    productName: z.string(),
    missingCount: z.number().int().openapi({ description: 'due advance periods without an invoice' }),
  })
  .openapi('Contract');

const AddressSchema = z.object({ line1: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }).openapi('Address');

const AdvancePeriodSchema = z
  .object({
    id: z.string(),
    startDate: CalendarDateSchema,
    endDate: CalendarDateSchema.openapi({ description: 'inclusive' }),
    amount: MoneySchema,
    status: z.enum(ADVANCE_PERIOD_STATUSES),
    missing: z.boolean().openapi({ description: 'planned and due: start date today or earlier' }),
    invoiceId: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    skipRefusal: z.enum(SKIP_REFUSALS).nullable().openapi({ description: 'why the period cannot be skipped, or null' }),
    skipped: z.object({ at: z.string(), by: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  })
  .openapi('AdvancePeriod');

const BillingAnalysisSchema = z
  .object({
    billingPeriods: z.array(
      z.object({
        id: z.string(),
        startDate: CalendarDateSchema,
        endDate: CalendarDateSchema,
        status: z.enum(['open', 'closed']),
        advancePeriods: z.array(AdvancePeriodSchema),
      }),
    ),
  })
  .openapi('BillingAnalysis');

const ContractParams = OrgParamsSchema.extend({ contractId: IdSchema });

export function contractRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'get',
      path: '/contracts',
      permission: { entity: 'contracts', action: 'read' },
      summary: 'List the contracts of an organization',
      request: {
        params: OrgParamsSchema,
        query: PageQuerySchema.extend({
          customerId: IdSchema.optional(),
          q: z.string().max(200).optional().openapi({ description: 'customer name or EAN contains' }),
        }),
      },
      responses: { 200: json(paginated(ContractSchema), 'A page of contracts') },
    },
    async (c) => {
      const { limit, cursor, customerId, q } = c.req.valid('query');
      return c.json(
        await listContracts(c.get('org'), { customerId: customerId?.toLowerCase(), q }, { limit, cursor: cursor ?? null }),
        200,
      );
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/contracts/{contractId}',
      permission: { entity: 'contracts', action: 'read' },
      summary: 'One contract',
      request: { params: ContractParams },
      responses: { 200: json(ContractSchema.extend({ address: AddressSchema }), 'The contract') },
    },
    async (c) => c.json(await getContract(c.get('org'), pathId(c.req.valid('param').contractId, 'contract')), 200),
  );

  routes.org(
    {
      method: 'patch',
      path: '/contracts/{contractId}',
      permission: { entity: 'contracts', action: 'update' },
      summary: "Correct a contract's advance terms: its schedule is regenerated",
      description:
        'Planned advance periods are replaced; a correction that would move an invoiced, draft or skipped period is refused (409 schedule_locked, with their ids).',
      request: {
        params: ContractParams,
        ...jsonBody(
          z
            .object({
              signatureDate: CalendarDateSchema.optional(),
              firstAdvanceStartDate: CalendarDateSchema.nullable().optional().openapi({ description: 'null: from the signature date' }),
              advanceFrequency: z.enum(ADVANCE_FREQUENCIES).optional(),
              advanceAmount: AmountSchema.refine((v) => Number(v) > 0, 'must be more than 0').optional(),
            })
            .openapi('ContractTermsCorrection'),
        ),
      },
      responses: { 200: json(ContractSchema.extend({ address: AddressSchema }), 'The corrected contract') },
    },
    async (c) =>
      c.json(await correctContractTerms(c.get('org'), pathId(c.req.valid('param').contractId, 'contract'), c.req.valid('json')), 200),
  );

  routes.org(
    {
      method: 'get',
      path: '/contracts/{contractId}/billing-analysis',
      permission: { entity: 'advancePeriods', action: 'read' },
      summary: "A contract's billing periods and their advance periods",
      request: { params: ContractParams },
      responses: { 200: json(BillingAnalysisSchema, 'The billing analysis') },
    },
    async (c) => c.json(await getBillingAnalysis(c.get('org'), pathId(c.req.valid('param').contractId, 'contract')), 200),
  );
}
