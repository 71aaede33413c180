const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Server ids are UUIDs: anything else cannot name a row, so it is answered without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
