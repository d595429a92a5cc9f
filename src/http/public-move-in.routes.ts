import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { describeMoveInForm, receiveMoveRequest } from '../app/receive-move-request.js';
import { ENERGIES } from '../domain/tariff.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';
import {
  AddressInputSchema,
  ConsumptionSchema,
  EanInputSchema,
  EmailSchema,
  HouseholdSizeSchema,
  IbanInputSchema,
  LanguageSchema,
  MeterReadingSchema,
  PhoneSchema,
  text,
} from './move-in-schemas.js';
import { CalendarDateSchema, ERROR_RESPONSES, ErrorSchema, IdSchema, json, jsonBody } from './schemas.js';

export const PUBLIC_PREFIX = '/api/v1/public/';

const FormParams = z.object({ orgId: IdSchema });

const PublicMoveRequestSchema = z
  .object({
    name: text(200),
    email: EmailSchema,
    phone: PhoneSchema.optional(),
    language: LanguageSchema,
    address: AddressInputSchema,
    ean: EanInputSchema,
    energy: z.enum(ENERGIES),
    moveInDate: CalendarDateSchema,
    meterReadingAtMoveIn: MeterReadingSchema.optional(),
    estimatedAnnualConsumptionKwh: ConsumptionSchema.optional(),
    householdSize: HouseholdSizeSchema.optional(),
    iban: IbanInputSchema,
    directDebitConsent: z.boolean(),
    website: z.string().max(500).optional().openapi({ description: 'leave empty (spam protection)' }),
  })
  .openapi('PublicMoveRequest');

/** An organization's public move-in form: no login; it files move requests that staff review. */
export function publicMoveInRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    {
      method: 'get',
      path: `${PUBLIC_PREFIX}move-in-forms/{orgId}`,
      summary: 'What the public move-in form of an organization shows',
      tags: ['public'],
      security: [],
      request: { params: FormParams },
      responses: {
        200: json(z.object({ organizationName: z.string(), energies: z.array(z.enum(ENERGIES)) }), 'The form'),
        404: ERROR_RESPONSES[404],
      },
    } as const,
    async (c) => c.json(await describeMoveInForm(c.get('services').db, c.req.valid('param').orgId), 200),
  );

  app.openapi(
    {
      method: 'post',
      path: `${PUBLIC_PREFIX}move-in-forms/{orgId}`,
      summary: 'Send a move request (no login; limited per address)',
      description: 'The answer is the same whether the email or EAN is known or not.',
      tags: ['public'],
      security: [],
      request: { params: FormParams, ...jsonBody(PublicMoveRequestSchema) },
      responses: {
        202: json(z.object({ status: z.literal('received') }), 'Received: staff will review it'),
        400: ERROR_RESPONSES[400],
        404: ERROR_RESPONSES[404],
        429: json(ErrorSchema, 'Too many requests from this address: try again after Retry-After seconds'),
      },
    } as const,
    async (c) => {
      const { db, today } = c.get('services');
      await receiveMoveRequest(db, today(), c.req.valid('param').orgId, c.req.valid('json'), clientAddress(c));
      return c.json({ status: 'received' as const }, 202);
    },
  );
}
