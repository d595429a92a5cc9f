import { DomainError } from '../domain/domain-error.js';

export type Page = { limit: number; cursor: string | null };
export type PageResult<T> = { items: T[]; nextCursor: string | null };

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('validation_failed', 'The cursor is not valid.', [{ path: 'cursor', message: 'not a cursor of this list' }]);
}

/** Rows were fetched with limit + 1: the extra row tells whether a next page exists. */
export function pageOf<R, T>(rows: R[], limit: number, toItem: (row: R) => T, keyOf: (row: R) => (string | number)[]): PageResult<T> {
  const hasMore = rows.length > limit;
  const visible = hasMore ? rows.slice(0, limit) : rows;
  return { items: visible.map(toItem), nextCursor: hasMore ? encodeCursor(keyOf(visible[visible.length - 1]!)) : null };
}
