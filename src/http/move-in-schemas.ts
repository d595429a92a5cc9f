import { z } from '@hono/zod-openapi';
import { ADVANCE_FREQUENCIES } from '../domain/advance-frequency.js';
import { MAX_HOUSEHOLD_SIZE } from '../domain/household-consumption.js';
import { MAX_ANNUAL_CONSUMPTION_KWH } from '../domain/move-in-rules.js';
import { ENERGIES } from '../domain/tariff.js';
import { AmountSchema, CalendarDateSchema, IdSchema } from './schemas.js';

/** The fields of a move-in, shared by the back office's move-ins and the public move-in form. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const AddressInputSchema = z.object({
  line1: text(200),
  postalCode: text(20),
  city: text(100),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code like BE'),
});

export const EmailSchema = z.email('must be an email address').max(254);
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{5,29}$/, 'must be a phone number (digits, spaces, + ( ) . / -)');
export const LanguageSchema = z.enum(['en', 'fr', 'nl']);
export const EanInputSchema = z.string().trim().max(30).openapi({ description: '18 digits with a GS1 check digit; 54… in Belgium' });
export const HouseholdSizeSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_HOUSEHOLD_SIZE)
  .openapi({ description: 'people in the household: estimates the consumption when no kWh are given' });
export const ConsumptionSchema = z.number().int().min(0).max(MAX_ANNUAL_CONSUMPTION_KWH);
/** A whole number in a query string: digits only (no empty value read as 0, no 1e3 or 0x10). */
export const QueryIntegerSchema = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number')
  .transform(Number);
export const MeterReadingSchema = z
  .string()
  .regex(/^\d{1,11}(\.\d{1,3})?$/, 'must be a meter index: a decimal number with at most 3 decimals, as a string')
  .openapi({ description: 'the meter index at move-in (kWh; m³ for gas)', example: '12345.6' });
export const IbanInputSchema = z.string().trim().max(42).openapi({ example: 'BE68 5390 0754 7034' });

const MoveInFields = {
  customer: z.union([
    z.object({ customerId: IdSchema }),
    z.object({
      name: text(200),
      email: EmailSchema.optional(),
      phone: PhoneSchema.optional(),
      language: LanguageSchema.optional(),
      vatNumber: z.string().trim().max(30).optional(),
    }),
  ]),
  connection: z.object({ ean: EanInputSchema, energy: z.enum(ENERGIES), address: AddressInputSchema }),
  moveInDate: CalendarDateSchema,
  signatureDate: CalendarDateSchema.optional(),
  productId: IdSchema.optional(),
  estimatedAnnualConsumptionKwh: ConsumptionSchema.optional(),
  householdSize: HouseholdSizeSchema.optional(),
  meterReadingAtMoveIn: MeterReadingSchema.optional(),
  advanceFrequency: z.enum(ADVANCE_FREQUENCIES).optional(),
  advanceAmount: AmountSchema.refine((v) => Number(v) > 0, 'must be more than 0').optional(),
  firstAdvanceStartDate: CalendarDateSchema.optional().openapi({
    description: 'custom anchor of the advance schedule; empty: the signature date',
  }),
  endDate: CalendarDateSchema.optional().openapi({ description: 'last day of supply of a fixed-term contract' }),
  iban: IbanInputSchema.optional(),
  directDebitConsent: z.boolean().optional(),
};

/** A move-in as staff complete or correct it. */
export const MoveInDraftSchema = z.object(MoveInFields).openapi('MoveInDraft');

export const MoveInRequestSchema = z
  .object({
    source: z.enum(['move_request', 'manual']),
    ...MoveInFields,
    endPreviousContract: z.boolean().optional().openapi({
      description: "a change of occupant: end the previous occupant's running contract the day before the move-in",
    }),
  })
  .openapi('MoveInRequest', {
    description:
      'A manual move-in needs signatureDate, productId, advanceFrequency and estimatedAnnualConsumptionKwh or householdSize; a move request may come without them (staff complete it).',
  });

export const EndPreviousContractSchema = z.object({ endPreviousContract: z.boolean().optional() });
