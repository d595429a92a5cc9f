import { z } from '@hono/zod-openapi';
import { deleteDraftInvoice } from '../app/delete-draft-invoice.js';
import { finalizeInvoices, MAX_FINALIZE } from '../app/finalize-invoices.js';
import { getBillingRun, listBillingRuns } from '../app/get-billing-run.js';
import { getCustomerAccount } from '../app/get-customer-account.js';
import { getInvoice, listInvoices } from '../app/get-invoice.js';
import { renderInvoicePdf } from '../app/invoice-pdf.js';
import { getSettings, updateSettings } from '../app/organization-settings.js';
import { recordPayment } from '../app/record-payment.js';
import { startBillingRun } from '../app/start-billing-run.js';
import { pathId } from './ids.js';
import { EmailSchema, IbanInputSchema, PhoneSchema, text, AddressInputSchema } from './move-in-schemas.js';
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

const BillingRunSchema = z
  .object({
    id: z.string(),
    kind: z.literal('advance'),
    runDate: CalendarDateSchema,
    finalize: z.boolean(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    created: z.object({ drafts: z.number().int(), invoices: z.number().int() }),
    leftOut: z.record(z.string(), z.number().int()).openapi({ description: 'due periods the run could not invoice, by reason' }),
    filter: z.unknown(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('BillingRun');

const UnbilledFilterSchema = z
  .object({
    contractId: IdSchema.optional(),
    q: z.string().max(200).optional(),
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
  })
  .openapi({ description: "the Unbilled dashboard's filter: only these periods" });

const InvoiceSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    kind: z.enum(['advance', 'settlement', 'credit_note']),
    status: z.enum(['draft', 'final']),
    customerId: z.string(),
    customerName: z.string(),
    contractId: z.string(),
    advancePeriodId: z.string().nullable(),
    issueDate: CalendarDateSchema.nullable(),
    dueDate: CalendarDateSchema.nullable(),
    periodStart: CalendarDateSchema,
    periodEnd: CalendarDateSchema,
    totals: z.object({ net: MoneySchema, vat: MoneySchema, gross: MoneySchema }),
    paymentReference: z.string().nullable(),
  })
  .openapi('InvoiceSummary');
const InvoiceSchema = InvoiceSummarySchema.extend({
  language: z.enum(['en', 'fr', 'nl']),
  ean: z.string(),
  energy: z.enum(['electricity', 'gas', 'heat']),
  seller: z.unknown().openapi({ description: 'the supplier as it was at finalization (null on drafts)' }),
  buyer: z.unknown().openapi({ description: 'the customer as they were at finalization (null on drafts)' }),
  lines: z.array(
    z.object({
      position: z.number().int(),
      description: z.string(),
      quantity: z.string(),
      unitPrice: z.string(),
      vatRate: z.string(),
      net: MoneySchema,
    }),
  ),
  vatBreakdown: z.array(z.object({ rate: z.string(), base: MoneySchema, vat: MoneySchema })),
  paid: MoneySchema,
  outstanding: MoneySchema,
}).openapi('Invoice');

const AccountSchema = z
  .object({
    customerId: z.string(),
    balance: MoneySchema.openapi({ description: 'positive: the customer owes it; negative: a credit' }),
    credit: MoneySchema.openapi({ description: 'paid beyond the open invoices' }),
    entries: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['invoice', 'payment', 'credit_note', 'refund']),
        bookedOn: CalendarDateSchema,
        amount: MoneySchema.openapi({ description: 'positive: a debit; negative: a credit' }),
        invoiceId: z.string().nullable(),
        invoiceNumber: z.string().nullable(),
        contractId: z.string().nullable(),
        balanceAfter: MoneySchema,
      }),
    ),
    invoices: z.array(
      z.object({
        invoiceId: z.string(),
        number: z.string(),
        contractId: z.string().nullable(),
        dueDate: CalendarDateSchema.nullable(),
        gross: MoneySchema,
        paid: MoneySchema,
        outstanding: MoneySchema,
      }),
    ),
  })
  .openapi('CustomerAccount');

const SettingsSchema = z
  .object({
    invoicing: z.object({
      numberPrefix: z.string().regex(/^[A-Z0-9]{1,10}$/, 'must be 1 to 10 capital letters or digits'),
      numberWithYear: z.boolean(),
      paymentTermDays: z.number().int().min(0).max(180),
      finalizeInRun: z.boolean(),
      advanceRunDayOfMonth: z.number().int().min(1).max(28).nullable(),
    }),
    supplier: z.object({
      legalName: text(200),
      vatNumber: z
        .string()
        .trim()
        .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'must be a VAT number like BE0123456749')
        .nullable(),
      companyNumber: z.string().trim().max(30).nullable(),
      address: AddressInputSchema.nullable(),
      iban: IbanInputSchema.nullable(),
      bic: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'must be a BIC of 8 or 11 characters')
        .nullable(),
      email: EmailSchema.nullable(),
      phone: PhoneSchema.nullable(),
      logo: z
        .string()
        .max(700_000)
        .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'must be a PNG or JPEG data URL')
        .nullable(),
    }),
  })
  .openapi('OrganizationSettings');
const SettingsChangeSchema = z
  .object({ invoicing: SettingsSchema.shape.invoicing.partial().optional(), supplier: SettingsSchema.shape.supplier.partial().optional() })
  .openapi('OrganizationSettingsChange');

const InvoiceParams = OrgParamsSchema.extend({ invoiceId: IdSchema });
const InvoiceFilterSchema = z.object({
  status: z.enum(['draft', 'final']).optional(),
  contractId: IdSchema.optional(),
  customerId: IdSchema.optional(),
  billingRunId: IdSchema.optional(),
});

export function billingRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'post',
      path: '/billing-runs',
      permission: { entity: 'billingRuns', action: 'create' },
      summary: 'Start an advance billing run for a run date, for the organization or a filter of the Unbilled dashboard',
      description:
        'Invoices every planned advance period starting on or before the run date whose billing period is open and whose contract has not ended before it. Runs in the background: poll GET /billing-runs/{runId}. `finalize` defaults to the organization setting.',
      request: {
        params: OrgParamsSchema,
        ...jsonBody(
          z
            .object({
              kind: z.literal('advance'),
              runDate: CalendarDateSchema,
              finalize: z.boolean().optional(),
              filter: UnbilledFilterSchema.optional(),
            })
            .openapi('BillingRunRequest'),
        ),
      },
      responses: { 202: json(z.object({ id: z.string() }), 'Queued') },
    },
    async (c) => {
      const ctx = c.get('org');
      const { runDate, finalize, filter } = c.req.valid('json');
      const run = await startBillingRun(ctx, {
        runDate,
        finalize,
        filter: filter && { ...filter, contractId: filter.contractId?.toLowerCase() },
      });
      c.get('services').billingRuns.start(ctx.scope, run.id);
      return c.json(run, 202);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/billing-runs',
      permission: { entity: 'billingRuns', action: 'read' },
      summary: 'Billing runs, newest first',
      request: { params: OrgParamsSchema, query: PageQuerySchema },
      responses: { 200: json(paginated(BillingRunSchema), 'A page of billing runs') },
    },
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listBillingRuns(c.get('org'), { limit, cursor: cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/billing-runs/{runId}',
      permission: { entity: 'billingRuns', action: 'read' },
      summary: "A billing run's progress and summary",
      request: { params: OrgParamsSchema.extend({ runId: IdSchema }) },
      responses: { 200: json(BillingRunSchema, 'The run') },
    },
    async (c) => c.json(await getBillingRun(c.get('org'), pathId(c.req.valid('param').runId, 'billing run')), 200),
  );

  routes.org(
    {
      method: 'get',
      path: '/invoices',
      permission: { entity: 'invoices', action: 'read' },
      summary: 'Invoices, newest first, with the totals of all that match',
      request: { params: OrgParamsSchema, query: PageQuerySchema.extend(InvoiceFilterSchema.shape) },
      responses: {
        200: json(
          paginated(InvoiceSummarySchema).extend({
            totals: z.object({ count: z.number().int(), net: MoneySchema, vat: MoneySchema, gross: MoneySchema }),
          }),
          'A page of invoices',
        ),
      },
    },
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      return c.json(await listInvoices(c.get('org'), filter, { limit, cursor: cursor ?? null }), 200);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/invoices/{invoiceId}',
      permission: { entity: 'invoices', action: 'read' },
      summary: 'An invoice with its lines, VAT breakdown, parties, and what is paid and still due',
      request: { params: InvoiceParams },
      responses: { 200: json(InvoiceSchema, 'The invoice') },
    },
    async (c) => c.json(await getInvoice(c.get('org'), pathId(c.req.valid('param').invoiceId, 'invoice')), 200),
  );

  routes.org(
    {
      method: 'get',
      path: '/invoices/{invoiceId}/pdf',
      permission: { entity: 'invoices', action: 'read' },
      summary: "The invoice as a PDF in the customer's language (a draft is marked as one)",
      request: { params: InvoiceParams },
      responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The PDF' } },
    },
    async (c) => {
      const ctx = c.get('org');
      const invoice = await getInvoice(ctx, pathId(c.req.valid('param').invoiceId, 'invoice'));
      const settings = await getSettings(ctx);
      const pdf = await renderInvoicePdf(invoice, { ...settings.supplier, name: settings.supplier.legalName });
      const name = invoice.number ?? `draft-${invoice.id}`;
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${name}.pdf"`,
      });
    },
  );

  routes.org(
    {
      method: 'post',
      path: '/invoices/{invoiceId}/finalize',
      permission: { entity: 'invoices', action: 'finalize' },
      summary: "Finalize a draft: it takes the next number of the organization's series (a final one stays as it is)",
      request: { params: InvoiceParams },
      responses: { 200: json(InvoiceSchema, 'The final invoice') },
    },
    async (c) => {
      const ctx = c.get('org');
      const invoiceId = pathId(c.req.valid('param').invoiceId, 'invoice');
      await getInvoice(ctx, invoiceId); // another organization's invoice is not found
      await finalizeInvoices(ctx, { invoiceIds: [invoiceId] });
      return c.json(await getInvoice(ctx, invoiceId), 200);
    },
  );

  routes.org(
    {
      method: 'post',
      path: '/invoices/finalize',
      permission: { entity: 'invoices', action: 'finalize' },
      summary: 'Finalize several drafts, or all matching a filter',
      description: `Numbers follow the drafts' creation order. By filter, up to ${MAX_FINALIZE} drafts per request.`,
      request: {
        params: OrgParamsSchema,
        ...jsonBody(
          z.union([
            z.object({ invoiceIds: z.array(IdSchema).min(1).max(MAX_FINALIZE) }),
            z.object({ filter: z.object({ billingRunId: IdSchema.optional(), contractId: IdSchema.optional() }) }),
          ]),
        ),
      },
      responses: { 200: json(z.object({ finalized: z.number().int() }), 'How many became final') },
    },
    async (c) => {
      const body = c.req.valid('json');
      const selection =
        'invoiceIds' in body
          ? { invoiceIds: [...new Set(body.invoiceIds.map((id) => id.toLowerCase()))].filter((id) => /^[0-9a-f-]{36}$/.test(id)) }
          : body;
      return c.json(await finalizeInvoices(c.get('org'), selection), 200);
    },
  );

  routes.org(
    {
      method: 'delete',
      path: '/invoices/{invoiceId}',
      permission: { entity: 'invoices', action: 'delete' },
      summary: 'Delete a draft: its advance period goes back to planned (a final invoice answers 409)',
      request: { params: InvoiceParams },
      responses: { 204: { description: 'Deleted' } },
    },
    async (c) => {
      await deleteDraftInvoice(c.get('org'), pathId(c.req.valid('param').invoiceId, 'invoice'));
      return c.body(null, 204);
    },
  );

  routes.org(
    {
      method: 'get',
      path: '/customers/{customerId}/account',
      permission: { entity: 'customers', action: 'read' },
      summary: "A customer's account: bookings with the balance after each, and each invoice's paid and outstanding amounts",
      request: { params: OrgParamsSchema.extend({ customerId: IdSchema }), query: z.object({ contractId: IdSchema.optional() }) },
      responses: { 200: json(AccountSchema, 'The account') },
    },
    async (c) =>
      c.json(
        await getCustomerAccount(
          c.get('org'),
          pathId(c.req.valid('param').customerId, 'customer'),
          c.req.valid('query').contractId?.toLowerCase(),
        ),
        200,
      ),
  );

  routes.org(
    {
      method: 'post',
      path: '/customers/{customerId}/payments',
      permission: { entity: 'customers', action: 'update' },
      summary: "Book a payment received: a credit on the customer's account",
      request: {
        params: OrgParamsSchema.extend({ customerId: IdSchema }),
        ...jsonBody(
          z.object({
            amount: AmountSchema.refine((v) => Number(v) > 0, 'must be more than 0'),
            bookedOn: CalendarDateSchema,
            reference: z.string().trim().max(140).optional(),
          }),
        ),
      },
      responses: { 201: json(AccountSchema, 'The account after the payment') },
    },
    async (c) => c.json(await recordPayment(c.get('org'), pathId(c.req.valid('param').customerId, 'customer'), c.req.valid('json')), 201),
  );

  routes.org(
    {
      method: 'get',
      path: '/settings',
      permission: { entity: 'settings', action: 'read' },
      summary: "The organization's settings: invoicing, and the supplier's identity on its invoices",
      request: { params: OrgParamsSchema },
      responses: { 200: json(SettingsSchema, 'The settings') },
    },
    async (c) => c.json(await getSettings(c.get('org')), 200),
  );

  routes.org(
    {
      method: 'patch',
      path: '/settings',
      permission: { entity: 'settings', action: 'update' },
      summary: 'Change some settings (the others stay)',
      request: { params: OrgParamsSchema, ...jsonBody(SettingsChangeSchema) },
      responses: { 200: json(SettingsSchema, 'The settings') },
    },
    async (c) => c.json(await updateSettings(c.get('org'), c.req.valid('json')), 200),
  );
}
