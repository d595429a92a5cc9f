import { z } from '@hono/zod-openapi';
import { parseCalendarDate } from '../domain/calendar-date.js';

/** Shared building blocks of the API's schemas: they validate, type and document at once. */
export const CalendarDateSchema = z
  .string()
  .refine((v) => parseCalendarDate(v) !== null, { message: 'must be a calendar date YYYY-MM-DD' })
  // billing happens in this range; it also keeps every date four digits long
  .refine((v) => v >= '1900-01-01' && v <= '2199-12-31', { message: 'must lie between 1900-01-01 and 2199-12-31' })
  .openapi({ example: '2024-01-31', format: 'date' });

export const AmountSchema = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be a positive decimal amount with at most 2 decimals, as a string')
  .openapi({ example: '85.00' });

export const MoneySchema = z.string().openapi({ example: '85.00', description: 'EUR, a decimal string with 2 decimals' });

/** Ids are opaque strings: one that names nothing answers 404, whatever its shape. */
export const IdSchema = z.string().min(1).max(100).openapi({ example: '3f0c2a8e-5b7d-4c1e-9a6f-2d4b8e1c7a90' });

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  // a cursor holds the sort key of a row: a 200-character name takes up to ~1,100 characters encoded
  cursor: z.string().max(2000).optional(),
});

export function paginated<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OrgParamsSchema = z.object({ orgId: IdSchema });

export function json<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export function jsonBody<T extends z.ZodTypeAny>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const errorResponse = (description: string) => json(ErrorSchema, description);

/** The error answers every route may give, documented once. */
export const ERROR_RESPONSES = {
  400: errorResponse('Bad input (validation_failed, with the failing fields in details)'),
  401: errorResponse('Missing or bad credentials'),
  403: errorResponse('The role lacks the permission'),
  404: errorResponse('Unknown resource, or one of another tenant or organization'),
} as const;

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The same key and body within 24 h answers the first answer and does nothing twice.' }),
});

export const IDEMPOTENCY_RESPONSES = {
  409: errorResponse('A conflict with the current state (or the first request with this Idempotency-Key still runs)'),
  422: errorResponse('A business rule refused the request, or the Idempotency-Key was used for another request'),
} as const;
