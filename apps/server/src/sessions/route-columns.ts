import {
  ROUTE_CONTENT_FIELDS,
  unlistedClimbKey,
  type RouteContent,
  type RouteFieldKind,
} from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { isoText, type Column, type ColumnType } from '../db/sql.js';

// The `session_routes` columns of the declared route content (@sendlog/contract), so the reads
// and writes of routes follow that one list: `gradeOpinion` is kept in `grade_opinion`, etc. An
// unlisted climb (kind `climb`) is kept in `climb_name`, `climb_kind` and the route's `grade`,
// with its identity in `climb_key`.

type ScalarKind = Exclude<RouteFieldKind, 'climb'>;

const SQL_TYPES: Record<ScalarKind, ColumnType> = {
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

/** The unlisted climb of `r`, as one JSON value (null for a catalogue climb). */
const CLIMB_JSON = sql.raw(
  `case when r.climb_name is null then null else json_build_object('name', r.climb_name, 'grade', r.grade, 'kind', r.climb_kind) end`,
);

/**
 * `unnestRows` columns of the content of a route row. (The unlisted climb's grade is the route's
 * `grade` column, which the caller writes.)
 */
export function routeContentColumns<T extends RouteContent>(): Record<string, Column<T>> {
  return Object.fromEntries(
    CONTENT.flatMap(({ name, kind, column }): [string, Column<T>][] =>
      kind === 'climb'
        ? [
            ['climb_name', ['text', (r: T) => r.climb?.name]],
            ['climb_kind', ['text', (r: T) => r.climb?.kind]],
            ['climb_key', ['text', (r: T) => (r.climb != null ? unlistedClimbKey(r.climb) : null)]],
          ]
        : [[column, [SQL_TYPES[kind], (r: T) => r[name]]]],
    ),
  );
}

/** `'climbId', r.climb_id, …` for a `json_build_object` over `session_routes r`. */
export const ROUTE_CONTENT_JSON: SQL = sql.join(
  CONTENT.map(({ name, kind, column }) => {
    const value = kind === 'climb' ? CLIMB_JSON : sql.raw(`r.${column}`);
    return sql`${sql.raw(`'${name}'`)}, ${kind === 'time' ? isoText(value) : value}`;
  }),
  sql`, `,
);

/**
 * A route of `session_routes r` as the API answers it: `json_build_object(fields…)` with the
 * declared content, `climb` left out for a catalogue climb (as `toApiSession` does).
 */
export function apiRouteJson(before: SQL, after: SQL): SQL {
  return sql`case when r.climb_name is null
    then json_build_object(${before}, ${ROUTE_CONTENT_JSON_LISTED}, ${after})
    else json_build_object(${before}, ${ROUTE_CONTENT_JSON}, ${after}) end`;
}

/** `ROUTE_CONTENT_JSON` without the (null) unlisted climb. */
const ROUTE_CONTENT_JSON_LISTED: SQL = sql.join(
  CONTENT.filter(({ kind }) => kind !== 'climb').map(({ name, kind, column }) => {
    const value = kind === 'climb' ? CLIMB_JSON : sql.raw(`r.${column}`);
    return sql`${sql.raw(`'${name}'`)}, ${kind === 'time' ? isoText(value) : value}`;
  }),
  sql`, `,
);

/** How a selected content column reads back as the value the API carries. */
function selectedValue(kind: RouteFieldKind, value: SQL): SQL {
  if (kind === 'id') return sql`${value}::text`;
  if (kind === 'integer') return sql`${value}::int4`;
  if (kind === 'time') return isoText(value);
  if (kind === 'climb') return CLIMB_JSON;
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
