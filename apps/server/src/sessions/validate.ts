import {
  issuesToDetails,
  sessionSnapshotSchema,
  snapshotClockIssues,
  summarizeDetails,
  type ApiError as ApiErrorBody,
  type ErrorDetail,
  type SessionSnapshot,
} from '@sendlog/contract';
import { unsafeTextDetails } from '../http/text-safety.js';
import { repeatedRouteIdPaths } from './normalize.js';
import type { CatalogueLookup } from './store.js';

/**
 * Every rule of API.md a snapshot must pass on its own, answered as `validation_failed` with
 * each broken field's path: the contract schema, the server's clock, ids repeated once positions
 * stand in for missing ones, text the database cannot store, and times it cannot represent.
 */
export function validateSnapshot(
  item: unknown,
  nowMs: number,
): { snapshot: SessionSnapshot } | { error: ApiErrorBody } {
  const parsed = sessionSnapshotSchema.safeParse(item);
  if (!parsed.success) return { error: validationError(issuesToDetails(parsed.error.issues)) };
  const details: ErrorDetail[] = [
    ...snapshotClockIssues(parsed.data, nowMs).map((i) => ({
      path: i.path.join('.'),
      message: i.message,
    })),
    ...repeatedRouteIdPaths(parsed.data).map((path) => ({
      path,
      message: 'is repeated in this session',
    })),
    ...unsafeTextDetails(parsed.data),
    ...implausibleTimeDetails(parsed.data),
  ];
  return details.length > 0 ? { error: validationError(details) } : { snapshot: parsed.data };
}

export function catalogueError(
  s: SessionSnapshot,
  catalogue: CatalogueLookup,
): ApiErrorBody | undefined {
  if (s.layoutId != null && !catalogue.layouts.has(s.layoutId.toLowerCase())) {
    return validationError([{ path: 'layoutId', message: 'does not name a known layout' }]);
  }
  const unknown: ErrorDetail[] = s.routes.flatMap((r, i) =>
    catalogue.climbs.has(r.climbId.toLowerCase())
      ? []
      : [{ path: `routes.${i}.climbId`, message: 'does not name a known climb' }],
  );
  if (unknown.length === 0) return undefined;
  return { code: 'unknown_climb', message: summarizeDetails(unknown), details: unknown };
}

const validationError = (details: ErrorDetail[]): ApiErrorBody => ({
  code: 'validation_failed',
  message: summarizeDetails(details),
  details,
});

/** ISO years 0000–1969 pass the schema; year 0 does not exist in PostgreSQL. */
const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');

function implausibleTimeDetails(s: SessionSnapshot): ErrorDetail[] {
  const times: [string, string | null | undefined][] = [
    ['startTime', s.startTime],
    ['endTime', s.endTime],
    ['updatedAt', s.updatedAt],
    ...s.routes.flatMap((r, i): [string, string | null | undefined][] => [
      [`routes.${i}.loggedAt`, r.loggedAt],
      [`routes.${i}.updatedAt`, r.updatedAt],
    ]),
  ];
  return times.flatMap(([path, value]) =>
    value != null && !(Date.parse(value) >= EARLIEST)
      ? [{ path, message: 'must not be before 1970' }]
      : [],
  );
}
