import {
  bulkRequestSchema,
  bulkResponseSchema,
  deleteSessionResponseSchema,
  errorBodySchema,
  LIMITS,
  offlineResponseSchema,
  sessionChangesPageSchema,
  sessionResponseSchema,
  sessionSnapshotSchema,
  sessionsQuerySchema,
} from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { documentedOnly, idParams } from '../../http/route-schemas.js';
import { deleteSession } from '../../sessions/delete-session.js';
import { ingestSnapshots, type IngestResult } from '../../sessions/ingest/ingest.js';
import { readSessionsPage } from '../../sessions/session-pages.js';
import { loadById, toApiSession } from '../../sessions/session-repository.js';
import { bulkItems, toBulkResult } from './bulk-body.js';
import { countSync } from './sync-metrics.js';

const idempotencyKeyRule = `must be 1–${LIMITS.maxClientIdLength} chars`;
const singleHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1, { error: idempotencyKeyRule })
    .max(LIMITS.maxClientIdLength, { error: idempotencyKeyRule })
    .optional()
    .describe('used when the snapshot has no clientSessionId'),
});

/** A user's sessions: declared inside the authenticated scope. */
export const sessionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  /** Folds the community view soon when the sync wrote something (a replay writes nothing). */
  const foldIfWritten = (results: readonly IngestResult[]) => {
    if (results.some((r) => r.status !== 'duplicate' && r.status !== 'rejected'))
      ctx.communityFolder?.nudge();
  };
  for (const [url, operationId, summary] of [
    ['/sessions/offline', 'syncSession', 'Send one session snapshot'],
    [
      '/sessions/sync',
      'syncSessionAlias',
      'Send one session snapshot (alias of /sessions/offline)',
    ],
  ] as const) {
    app.post(
      url,
      {
        schema: {
          operationId,
          summary,
          tags: ['sessions'],
          ...SECURED,
          headers: singleHeaders,
          body: documentedOnly(sessionSnapshotSchema),
          response: {
            200: offlineResponseSchema,
            201: offlineResponseSchema,
            400: errorBodySchema,
            401: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { results, statements } = await ingestSnapshots(
          ctx.db,
          request.user.id,
          [request.body],
          { headerKey: request.headers['idempotency-key'], nowMs: ctx.now() },
        );
        foldIfWritten(results);
        const r = results[0]!;
        request.log.info({ sessions: 1, statements, status: r.status }, 'session ingested');
        countSync(app, 'single', [request.body], results);
        if (!r.success) throw ApiError.answering(400, r.error);
        if (r.status === 'created') {
          return reply.code(201).send({
            sessionId: r.sessionId,
            revision: r.revision,
            status: r.status,
            isDuplicate: false,
            routeIds: r.routeIds,
          });
        }
        return reply.code(200).send({
          sessionId: r.sessionId,
          revision: r.revision,
          status: r.status,
          isDuplicate: r.isDuplicate,
          ...(r.session ? { session: r.session } : {}),
        });
      },
    );
  }

  app.post(
    '/sessions/sync/bulk',
    {
      schema: {
        operationId: 'syncSessions',
        summary: 'Send up to 100 session snapshots, each accepted or refused on its own',
        tags: ['sessions'],
        ...SECURED,
        body: documentedOnly(bulkRequestSchema),
        response: {
          200: bulkResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          413: errorBodySchema,
        },
      },
    },
    async (request) => {
      const items = bulkItems(request.body);
      const { results, statements } = await ingestSnapshots(ctx.db, request.user.id, items, {
        nowMs: ctx.now(),
        isolateFailures: request.log,
      });
      foldIfWritten(results);
      const summary = { created: 0, duplicate: 0, updated: 0, merged: 0, rejected: 0 };
      for (const r of results) summary[r.status] += 1;
      request.log.info({ sessions: items.length, statements, summary }, 'bulk ingested');
      countSync(app, 'bulk', items, results);
      return { results: results.map(toBulkResult), summary };
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        operationId: 'listSessions',
        summary: 'Session history, or the changes since a cursor',
        tags: ['sessions'],
        ...SECURED,
        querystring: sessionsQuerySchema,
        // History answers live sessions; `updatedSince` also deleted ones, as tombstones.
        response: { 200: sessionChangesPageSchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      const answer = await readSessionsPage(ctx.db, request.user.id, request.query);
      if (!answer.ok) throw ApiError.validation([answer.refused]);
      return answer.page;
    },
  );

  app.get(
    '/sessions/:id',
    {
      schema: {
        operationId: 'getSession',
        summary: 'One session of the signed-in user',
        tags: ['sessions'],
        ...SECURED,
        params: idParams('session', 'id'),
        response: { 200: sessionResponseSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      // Another user's session is answered exactly like one that does not exist.
      const session = await loadById(ctx.db, request.user.id, request.params.id);
      if (!session) throw ApiError.notFound('session');
      return { session: toApiSession(session) };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        operationId: 'deleteSession',
        summary: 'Delete a session for good (idempotent)',
        tags: ['sessions'],
        ...SECURED,
        params: idParams('session', 'id'),
        response: {
          200: deleteSessionResponseSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      // Another user's session is answered exactly like one that does not exist.
      const deleted = await deleteSession(ctx.db, request.user.id, request.params.id, ctx.now());
      if (!deleted) throw ApiError.notFound('session');
      ctx.communityFolder?.nudge();
      request.log.info({ sessionId: deleted.sessionId }, 'session deleted');
      return { ...deleted, deleted: true as const };
    },
  );
};
