const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to callers, but only a UUID can name a row: any other id names nothing. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
