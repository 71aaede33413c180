import { ROUTE_CONTENT_FIELDS, type RouteContent, type RouteFieldKind } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { isoText, type Column, type ColumnType } from '../db/sql.js';

// The `session_routes` columns of the declared route content (@sendlog/contract), so the reads
// and writes of routes follow that one list: `gradeOpinion` is kept in `grade_opinion`, etc.

const SQL_TYPES: Record<RouteFieldKind, ColumnType> = {
  id: 'uuid',
  boolean: 'boolean',
  integer: 'int',
  text: 'text',
  time: 'timestamptz',
};

const CONTENT = ROUTE_CONTENT_FIELDS.map((f) => ({
  ...f,
  column: f.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
}));

/** `unnestRows` columns of the content of a route row. */
export function routeContentColumns<T extends RouteContent>(): Record<string, Column<T>> {
  return Object.fromEntries(
    CONTENT.map(({ name, kind, column }) => [column, [SQL_TYPES[kind], (r: T) => r[name]]]),
  );
}

/** `'climbId', r.climb_id, …` for a `json_build_object` over `session_routes r`. */
export const ROUTE_CONTENT_JSON: SQL = sql.join(
  CONTENT.map(({ name, kind, column }) => {
    const value = sql.raw(`r.${column}`);
    return sql`${sql.raw(`'${name}'`)}, ${kind === 'time' ? isoText(value) : value}`;
  }),
  sql`, `,
);

/** How a selected content column reads back as the value the API carries. */
function selectedValue(kind: RouteFieldKind, value: SQL): SQL {
  if (kind === 'id') return sql`${value}::text`;
  if (kind === 'integer') return sql`${value}::int4`;
  if (kind === 'time') return isoText(value);
  return value;
}

/**
 * `r.climb_id::text as "climbId", …`: the content of `session_routes r` selected under its API
 * names, so a row read with it already carries the declared fields (`withRouteContent` copies them).
 */
export const ROUTE_CONTENT_SELECT: SQL = sql.join(
  CONTENT.map(
    ({ name, kind, column }) =>
      sql`${selectedValue(kind, sql.raw(`r.${column}`))} as ${sql.raw(`"${name}"`)}`,
  ),
  sql`, `,
);
