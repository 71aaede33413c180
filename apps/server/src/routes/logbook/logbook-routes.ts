import { Readable } from 'node:stream';
import {
  climbHistoryResponseSchema,
  errorBodySchema,
  sessionsBackupSchema,
  type SessionsBackup,
  sessionsExportQuerySchema,
  statsQuerySchema,
  statsResponseSchema,
} from '@sendlog/contract';
import { resolveStatsPeriod } from '@sendlog/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HEAVY_READ_TIMEOUT_MS, type AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { acquireReadLease, underReadLease } from '../../http/read-lease.js';
import { idParams } from '../../http/route-schemas.js';
import { gymExists } from '../../gyms/gym-repository.js';
import { loadClimbHistory } from '../../logbook/climb-history-repository.js';
import { csvExport, jsonBackup } from '../../logbook/export-stream.js';
import { leasedPages } from '../../logbook/leased-pages.js';
import { loadStats } from '../../logbook/stats-repository.js';

/** An export's lease, renewed as its pages go out: a slow download keeps it as long as it runs. */
const EXPORT_LEASE_MS = 60_000;

/** The climber's logbook: numbers, a climb's story, the export. In the authenticated scope. */
export const logbookRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const timeoutMs = ctx.heavyReadTimeoutMs ?? HEAVY_READ_TIMEOUT_MS;
  // The lease outlives the statement it guards, so it never lapses while the read still runs.
  const statsLeaseMs = 2 * timeoutMs;
  app.get(
    '/stats',
    {
      schema: {
        operationId: 'getStats',
        summary: 'Logbook numbers of a period: totals, grade pyramid, weeks',
        description: "With gymId, only the sessions at that gym's walls count.",
        tags: ['logbook'],
        ...SECURED,
        querystring: statsQuerySchema,
        response: {
          200: statsResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          429: errorBodySchema,
          503: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { tz, grades, gymId } = request.query;
      const period = resolveStatsPeriod(request.query, ctx.now());
      if (!period.ok) {
        throw ApiError.validation(
          period.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
      if (gymId !== undefined && !(await gymExists(ctx.db, gymId))) {
        throw ApiError.validation([{ path: 'gymId', message: 'must name an existing gym' }]);
      }
      const userId = request.user.id;
      return underReadLease(ctx.db, userId, statsLeaseMs, () =>
        loadStats(
          ctx.db,
          { userId, from: period.from, to: period.to, tz, grades, gymId },
          timeoutMs,
        ),
      );
    },
  );

  app.get(
    '/climbs/:id/history',
    {
      schema: {
        operationId: 'getClimbHistory',
        summary: "The signed-in climber's tries at one climb, newest first",
        tags: ['logbook'],
        ...SECURED,
        params: idParams('climb', 'id'),
        response: { 200: climbHistoryResponseSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const history = await loadClimbHistory(ctx.db, request.user.id, request.params.id);
      if (!history) throw ApiError.notFound('climb');
      return history;
    },
  );

  app.get(
    '/sessions/export',
    {
      schema: {
        operationId: 'exportSessions',
        summary: 'The whole history as a CSV file (one row per try) or a JSON backup, streamed',
        tags: ['logbook'],
        ...SECURED,
        querystring: sessionsExportQuerySchema,
        response: {
          200: sessionsBackupSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { format, tz } = request.query;
      const exportedAt = new Date(ctx.now()).toISOString();
      const day = exportedAt.slice(0, 10);
      // Held until the download ends however it ends (done, failed, or the client gone).
      const lease = await acquireReadLease(ctx.db, request.user.id, EXPORT_LEASE_MS);
      const pages = leasedPages(ctx.db, lease, { timeoutMs, leaseMs: EXPORT_LEASE_MS });
      const chunks =
        format === 'csv'
          ? csvExport(pages, request.user.id, tz)
          : jsonBackup(pages, request.user, exportedAt);
      // Pulled chunk by chunk as the socket drains, so a slow client never piles up pages.
      const body = Readable.from(chunks, { objectMode: false });
      body.once('close', () => void lease.release());
      body.on('error', (error) => request.log.error({ err: error }, 'export failed mid-stream'));
      return (
        reply
          .header('content-disposition', `attachment; filename="sendlog-${day}.${format}"`)
          .header('cache-control', 'no-store')
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          // The 200 schema documents the JSON file; the typed reply cannot know a stream is one.
          .send(body as unknown as SessionsBackup)
      );
    },
  );
};
