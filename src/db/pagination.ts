import { parseCalendarDate } from '../domain/calendar-date.js';
import { DomainError } from '../domain/domain-error.js';
import { isUuid } from '../domain/ids.js';
import { isStorableText } from '../domain/text.js';

export type Page = { limit: number; cursor: string | null };
export type PageResult<T> = { items: T[]; nextCursor: string | null };

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export type CursorPart = 'uuid' | 'date' | 'timestamp' | 'text';

const CURSOR_PARTS: Record<CursorPart, (value: string) => boolean> = {
  uuid: isUuid,
  date: (value) => parseCalendarDate(value) !== null,
  timestamp: (value) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(value),
  text: (value) => value.length <= 500 && isStorableText(value),
};

/** Decodes a cursor of a list whose sort key has these parts; anything else is refused, never sent to SQL. */
export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && key.every((k, i) => typeof k === 'string' && CURSOR_PARTS[parts[i]!](k))) {
      return key as string[];
    }
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('validation_failed', 'The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor of this list' }]);
}

/** Rows were fetched with limit + 1: the extra row tells whether a next page exists; `keyOf` gives a row's sort key. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[]): PageResult<R> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(keyOf(items[items.length - 1]!)) : null };
}
