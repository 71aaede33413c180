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

/** The column types our set-based statements send as arrays. */
export type ColumnType = 'uuid' | 'text' | 'int' | 'bigint' | 'boolean' | 'timestamptz';

/**
 * A whole column as one typed array parameter (`$1::uuid[]`). `sql.param` keeps drizzle from
 * expanding the array into one parameter per element: the statement text, and so the server's
 * parse and plan work, stays the same whatever the row count.
 */
export function arrayParam(values: readonly unknown[], type: ColumnType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

/** How one column of `unnestRows` is typed and read from a row. */
export type Column<T> = readonly [type: ColumnType, value: (row: T) => unknown];

/**
 * `unnest($1::uuid[], $2::text[], …) as v(a, b, …)`: rows sent column by column, the cheapest
 * way to hand PostgreSQL a row set (no per-row JSON to parse, one parameter per column).
 */
export function unnestRows<T>(rows: readonly T[], columns: Record<string, Column<T>>): SQL {
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const [type, value] = columns[name]!;
    return arrayParam(
      rows.map((row) => value(row) ?? null),
      type,
    );
  });
  return sql`unnest(${sql.join(arrays, sql`, `)}) as v(${sql.raw(names.map((n) => `"${n}"`).join(', '))})`;
}
