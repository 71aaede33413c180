import { bulkRequestSchema, LIMITS, type BulkResult } from '@sendlog/contract';
import { ApiError } from '../../http/errors.js';
import type { IngestResult } from '../../sessions/ingest/ingest.js';

/** The bulk body: `{ sessions: [...] }` or a bare array, of 1–100 objects. */
export function bulkItems(body: unknown): unknown[] {
  // Only the envelope is checked here; each session's content (text safety included) is checked
  // on its own by the ingest, so one bad session never blocks the others.
  const envelope = bulkRequestSchema.safeParse(body);
  if (!envelope.success) throw ApiError.fromZod(envelope.error.issues);
  const parsed = envelope.data;
  const wrapped = !Array.isArray(parsed);
  const items = wrapped ? parsed.sessions : parsed;
  const at = (i?: number) => [wrapped ? 'sessions' : '', i ?? ''].filter((p) => p !== '').join('.');
  if (items.length === 0)
    throw ApiError.validation([{ path: at(), message: 'must hold at least 1 session' }]);
  if (items.length > LIMITS.maxSessionsPerBulk) {
    throw ApiError.validation([
      { path: at(), message: `must hold at most ${LIMITS.maxSessionsPerBulk} sessions` },
    ]);
  }
  const notObjects = items.flatMap((item, i) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? []
      : [{ path: at(i), message: 'must be a session object' }],
  );
  if (notObjects.length > 0) throw ApiError.validation(notObjects);
  return items;
}

/** A result as the bulk answer shows it: the ids of created routes are for the single answer. */
export function toBulkResult(r: IngestResult): BulkResult {
  if (!r.success) return r;
  const { routeIds: _routeIds, ...rest } = r;
  return rest;
}
