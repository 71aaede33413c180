/** A server id: a UUID in its text form, any version. */
export const UUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Server ids are UUIDs: anything else cannot name a row, so it is answered without a query. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
