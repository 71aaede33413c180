import {
  boundedError,
  issuesToDetails,
  sessionSnapshotSchema,
  snapshotClockIssues,
  summarizeDetails,
  type ApiError as ApiErrorBody,
  type ErrorDetail,
  type SessionSnapshot,
} from '@sendlog/contract';
import { unsafeTextDetails } from '../domain/text-safety.js';
import { repeatedRouteIdPaths } from '@sendlog/rules';
import type { CatalogueLookup } from './catalogue-lookup.js';

/**
 * Every rule of docs/api.md a snapshot must pass on its own, answered as `validation_failed` with
 * each broken field's path: the contract schema, the server's clock, ids repeated once positions
 * stand in for missing ones, text the database cannot store, and times it cannot represent.
 */
export function validateSnapshot(
  item: unknown,
  nowMs: number,
): { snapshot: SessionSnapshot } | { error: ApiErrorBody } {
  const parsed = sessionSnapshotSchema.safeParse(item);
  if (!parsed.success) return { error: validationError(issuesToDetails(parsed.error.issues)) };
  const implausible = implausibleTimeDetails(parsed.data);
  const details: ErrorDetail[] = [
    // A time the database cannot hold is said once, as that.
    ...snapshotClockIssues(parsed.data, nowMs)
      .map((i) => ({ path: i.path.join('.'), message: i.message }))
      .filter((d) => !implausible.some((t) => t.path === d.path)),
    ...repeatedRouteIdPaths(parsed.data).map((path) => ({
      path,
      message: 'is repeated in this session',
    })),
    ...unsafeTextDetails(parsed.data),
    ...implausible,
  ];
  return details.length > 0 ? { error: validationError(details) } : { snapshot: parsed.data };
}

export function catalogueError(
  s: SessionSnapshot,
  catalogue: CatalogueLookup,
): ApiErrorBody | undefined {
  // A delete's content is dropped unread: a climb archived or unknown must not keep it alive.
  if (s.deleted) return undefined;
  if (s.layoutId != null && !catalogue.layouts.has(s.layoutId.toLowerCase())) {
    return validationError([{ path: 'layoutId', message: 'does not name a known layout' }]);
  }
  const unknown: ErrorDetail[] = s.routes.flatMap((r, i) =>
    // An unlisted climb (no climbId) is in no catalogue by design.
    r.climbId == null || catalogue.climbs.has(r.climbId.toLowerCase())
      ? []
      : [{ path: `routes.${i}.climbId`, message: 'does not name a known climb' }],
  );
  if (unknown.length === 0) return undefined;
  return boundedError({
    code: 'unknown_climb',
    message: summarizeDetails(unknown),
    details: unknown,
  });
}

/** A session's own error, bounded as every error answer is (a bulk carries a hundred). */
const validationError = (details: ErrorDetail[]): ApiErrorBody =>
  boundedError({ code: 'validation_failed', message: summarizeDetails(details), details });

/**
 * ISO years 0000–1969 pass the schema (year 0 does not exist in PostgreSQL), and year 9999 with a
 * negative offset is year 10000 in UTC, which JavaScript writes as `+010000-…`, text PostgreSQL
 * cannot read. Only text from before 1971 or in 9999 can be out of range once its offset is
 * applied, so the common case costs a string comparison, no date parsing.
 */
const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

const outOfRange = (value: string | null | undefined) => {
  if (value == null || (value >= '1971' && value < '9999')) return false;
  const ms = Date.parse(value);
  return !(ms >= EARLIEST && ms <= LATEST);
};

function implausibleTimeDetails(s: SessionSnapshot): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const refuse = (path: string) =>
    details.push({ path, message: 'must be between 1970 and 9999 (UTC)' });
  if (outOfRange(s.startTime)) refuse('startTime');
  if (outOfRange(s.endTime)) refuse('endTime');
  if (outOfRange(s.updatedAt)) refuse('updatedAt');
  s.routes.forEach((r, i) => {
    if (outOfRange(r.loggedAt)) refuse(`routes.${i}.loggedAt`);
    if (outOfRange(r.updatedAt)) refuse(`routes.${i}.updatedAt`);
  });
  return details;
}
