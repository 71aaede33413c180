import type { FastifyInstance } from 'fastify';
import type { SyncOutcomeLabel } from '../../http/metrics.js';
import type { IngestResult } from '../../sessions/ingest/ingest.js';

/** Outcomes that wrote the session's row and its routes (a duplicate or a refusal writes none). */
const WRITTEN: ReadonlySet<SyncOutcomeLabel> = new Set(['created', 'updated', 'merged']);

function routesOf(snapshot: unknown): number {
  const routes = (snapshot as { routes?: unknown } | null)?.routes;
  return Array.isArray(routes) ? routes.length : 0;
}

/**
 * Counts one sync request's outcomes and rows in the metrics, beside the log line that reports
 * them. Rows are the session and the routes of each written snapshot, as sent.
 */
export function countSync(
  app: FastifyInstance,
  endpoint: 'single' | 'bulk',
  snapshots: readonly unknown[],
  results: readonly IngestResult[],
): void {
  const outcomes: Partial<Record<SyncOutcomeLabel, number>> = {};
  const rows = { sessions: 0, routes: 0 };
  for (const r of results) {
    outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
    if (WRITTEN.has(r.status)) {
      rows.sessions += 1;
      rows.routes += routesOf(snapshots[r.index]);
    }
  }
  app.metrics.syncIngested(endpoint, outcomes, rows);
}
