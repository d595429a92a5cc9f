import { DomainError } from '../domain/domain-error.js';
import { isUuid } from '../domain/ids.js';

/** An id from a path: one that can't name a row is simply not found. */
export function pathId(id: string, what: string): string {
  if (!isUuid(id)) throw new DomainError('not_found', `No such ${what}.`);
  return id.toLowerCase();
}
