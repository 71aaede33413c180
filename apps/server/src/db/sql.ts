import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './connection.js';

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A timestamptz rendered as `2026-11-24T18:05:00.000Z` by the database itself, so both drivers
 * hand back the same string (they parse timestamps differently).
 */
export function isoText(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** One JSON parameter that a query expands with `jsonb_to_recordset`: set-based, any row count. */
export function jsonParam(value: unknown): SQL {
  return sql`${JSON.stringify(value)}::jsonb`;
}
