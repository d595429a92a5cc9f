import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { importMoveIns } from '../app/import-move-ins.js';
import { DomainError } from '../domain/domain-error.js';
import { IMPORT_COLUMNS } from '../domain/move-in-import-row.js';
import type { RouteRegistry } from './route-permissions.js';
import { OrgParamsSchema, json } from './schemas.js';

export const IMPORT_PATH = /^\/api\/v1\/organizations\/[^/]+\/move-ins\/import$/;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const ImportErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
const ImportEventSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('progress'),
      rowsRead: z.number().int(),
      bytesRead: z.number().int(),
      totalBytes: z.number().int().nullable(),
    }),
    z.object({
      type: z.literal('result'),
      dryRun: z.boolean(),
      committed: z.boolean(),
      rows: z.number().int(),
      created: z.number().int().openapi({ description: 'contracts created (in a dry run or with errors: that would be created)' }),
      unchanged: z.number().int().openapi({ description: 'rows whose EAN and move-in date were imported before' }),
      errorCount: z.number().int(),
      errors: z.array(ImportErrorSchema).openapi({ description: 'the first 1,000 errors' }),
    }),
    z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
  ])
  .openapi('MoveInImportEvent');

const templateCsv = () => {
  const example: Record<string, string> = {
    customer_number: 'C-000123',
    customer_name: 'Lotte Maes',
    email: 'lotte.maes@example.be',
    language: 'nl',
    street: 'Veldstraat 3',
    postal_code: '9000',
    city: 'Gent',
    country: 'BE',
    ean: '541448820000000008',
    energy: 'electricity',
    product_code: 'EL-VAR-FL-2026-10',
    move_in_date: '2022-03-15',
    signature_date: '2022-03-01',
    estimated_annual_consumption_kwh: '3500',
    advance_frequency: 'monthly',
    advance_amount: '85.00',
    first_advance_start_date: '2026-11-15',
    iban: 'BE68539007547034',
    direct_debit: 'yes',
    meter_reading: '12345.6',
  };
  return `${IMPORT_COLUMNS.map((c) => c.name).join(',')}\n${IMPORT_COLUMNS.map((c) => example[c.name] ?? '').join(',')}\n`;
};

export function moveInImportRoutes(routes: RouteRegistry) {
  routes.org(
    {
      method: 'get',
      path: '/move-ins/import/columns',
      permission: { entity: 'moveIns', action: 'read' },
      summary: 'The columns of a move-in import file',
      request: { params: OrgParamsSchema },
      responses: {
        200: json(
          z.object({ items: z.array(z.object({ name: z.string(), required: z.boolean(), help: z.string() })) }),
          'The columns, in the order of the template',
        ),
      },
    },
    (c) => c.json({ items: IMPORT_COLUMNS.map((col) => ({ ...col })) }, 200),
  );

  routes.org(
    {
      method: 'get',
      path: '/move-ins/import/template',
      permission: { entity: 'moveIns', action: 'read' },
      summary: 'A move-in import file with its header and an example row',
      request: { params: OrgParamsSchema },
      responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The template' } },
    },
    (c) =>
      c.body(templateCsv(), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="wattbill-move-ins-template.csv"',
      }),
  );

  routes.org(
    {
      method: 'post',
      path: '/move-ins/import',
      permission: { entity: 'moveIns', action: 'create' },
      summary: 'Import existing customers and contracts from a CSV file (one row per contract)',
      description:
        'The body is the file (comma or semicolon separated, UTF-8). The answer streams progress lines, then the result (NDJSON). It commits only when no row is in error, all in one transaction; rows already imported (same EAN and move-in date) are left unchanged, so a file can be imported again. Idempotent by its rows: no Idempotency-Key.',
      request: {
        params: OrgParamsSchema,
        query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: { 200: { content: { 'application/x-ndjson': { schema: ImportEventSchema } }, description: 'Progress, then the result' } },
    },
    async (c) => {
      const ctx = c.get('org');
      const dryRun = c.req.valid('query').dryRun === 'true';
      const file = c.req.raw.body;
      if (/json|form/i.test(c.req.header('content-type') ?? ''))
        throw new DomainError('unsupported_media_type', 'Send the CSV file itself as the body (Content-Type: text/csv).');
      if (!file) throw new DomainError('validation_failed', 'Send the CSV file as the request body.');
      const totalBytes = Number(c.req.header('content-length')) || null;
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      // the typed answers of the route are JSON ones; this one is a stream of JSON lines
      return stream(c, async (out) => {
        const send = (event: z.infer<typeof ImportEventSchema>) => out.write(`${JSON.stringify(event)}\n`);
        try {
          const result = await importMoveIns(ctx, Readable.fromWeb(file as NodeReadableStream<Uint8Array>), {
            dryRun,
            onProgress: (progress) => void send({ type: 'progress', ...progress, totalBytes }),
          });
          await send({ type: 'result', ...result });
        } catch (error) {
          // the status line is sent already: the failure is the stream's last event
          c.get('services').log.error({ err: error, path: c.req.path }, 'import failed');
          const known = error instanceof DomainError;
          await send({
            type: 'error',
            error: {
              code: known ? error.code : 'internal_error',
              message: known ? error.message : 'The import failed; nothing was written.',
            },
          });
        }
      }) as never;
    },
  );
}
