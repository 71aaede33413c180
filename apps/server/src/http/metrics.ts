import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../db/connection.js';

/** What a sync answer can be, per session: the words the routes log and the contract uses. */
export const SYNC_OUTCOMES = ['created', 'duplicate', 'updated', 'merged', 'rejected'] as const;
export type SyncOutcomeLabel = (typeof SYNC_OUTCOMES)[number];

/** The counters routes feed; always there, published only to the operator (see below). */
export interface AppMetrics {
  /** One sync request's sessions by outcome, and the rows of those that were written. */
  syncIngested(
    endpoint: 'single' | 'bulk',
    outcomes: Partial<Record<SyncOutcomeLabel, number>>,
    rowsWritten: { sessions: number; routes: number },
  ): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface MetricsOptions {
  /**
   * SENDLOG_METRICS_TOKEN. Without it `GET /metrics` does not exist; with it, only a request
   * bearing it sees the metrics, and any other gets the very 404 an absent route gets.
   */
  token?: string | undefined;
  /** The database's connections, read at each scrape. */
  pool?: (() => PoolStats) | undefined;
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics of this process: request durations by route, sync outcomes, rows ingested,
 * the database pool, and Node's own (memory, CPU, event loop). One registry per app, so tests
 * that build many apps in one process never mix their counts.
 */
export function registerMetrics(app: FastifyInstance, o: MetricsOptions): void {
  const registry = new Registry();
  const requestDuration = new Histogram({
    name: 'sendlog_http_request_duration_seconds',
    help: 'Time from request to answer, by route pattern (not the raw URL, which holds ids)',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const syncSessions = new Counter({
    name: 'sendlog_sync_sessions_total',
    help: 'Sessions received by the sync endpoints, by outcome',
    labelNames: ['endpoint', 'outcome'],
    registers: [registry],
  });
  const rowsIngested = new Counter({
    name: 'sendlog_sync_rows_ingested_total',
    help: 'Session and route rows of the sessions that were created, updated or merged',
    labelNames: ['table'],
    registers: [registry],
  });
  for (const endpoint of ['single', 'bulk']) {
    for (const outcome of SYNC_OUTCOMES) syncSessions.inc({ endpoint, outcome }, 0);
  }
  for (const table of ['sessions', 'routes']) rowsIngested.inc({ table }, 0);
  const pool = o.pool;
  if (pool) {
    new Gauge({
      name: 'sendlog_db_pool_connections',
      help:
        'Database connections: total and idle in the pg pool, and waiting = queries queued for ' +
        'a connection (PGlite: one embedded connection, no idle or waiting figure)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const stats = pool();
        this.set({ state: 'total' }, stats.total);
        if (stats.idle !== undefined) this.set({ state: 'idle' }, stats.idle);
        if (stats.waiting !== undefined) this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  app.decorate('metrics', {
    syncIngested(endpoint, outcomes, rowsWritten) {
      for (const outcome of SYNC_OUTCOMES) {
        const n = outcomes[outcome] ?? 0;
        if (n > 0) syncSessions.inc({ endpoint, outcome }, n);
      }
      rowsIngested.inc({ table: 'sessions' }, rowsWritten.sessions);
      rowsIngested.inc({ table: 'routes' }, rowsWritten.routes);
    },
  } satisfies AppMetrics);
  app.addHook('onResponse', async (request, reply) => {
    requestDuration.observe(
      {
        method: request.method,
        // Unmatched paths (404s, scans) share one label, so they cannot grow the series.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const token = o.token;
  if (!token) return;
  // Node's own metrics only where someone reads them: they start timers of their own.
  collectDefaultMetrics({ register: registry });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request, token)) return reply.callNotFound();
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
