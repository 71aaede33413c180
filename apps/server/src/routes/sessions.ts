import {
  bulkRequestSchema,
  bulkResponseSchema,
  errorBodySchema,
  LIMITS,
  offlineResponseSchema,
  sessionResponseSchema,
  sessionSnapshotSchema,
  sessionsPageSchema,
  sessionsQuerySchema,
  type BulkResponse,
  type BulkResult,
  type SessionsPage,
} from '@sendlog/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { docSchema } from '../http/docs.js';
import { ApiError } from '../http/errors.js';
import { isUuid } from '../http/ids.js';
import { parseOr400 } from '../http/validate.js';
import {
  decodeChangeCursor,
  decodeHistoryCursor,
  encodeChangeCursor,
  encodeHistoryCursor,
} from '../sessions/cursor.js';
import { ingestSnapshots, type IngestResult } from '../sessions/ingest.js';
import {
  loadById,
  loadChangesPage,
  loadHistoryPage,
  toApiSession,
} from '../sessions/session-repository.js';

const errorDoc = docSchema(errorBodySchema);
const secured = { security: [{ bearer: [] }] };

function headerKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || value.length > LIMITS.maxClientIdLength) {
    throw ApiError.validation([
      { path: 'headers.idempotency-key', message: `must be 1–${LIMITS.maxClientIdLength} chars` },
    ]);
  }
  return value;
}

/** The bulk body: `{ sessions: [...] }` or a bare array, of 1–100 objects. */
function bulkItems(body: unknown): unknown[] {
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

function toBulkResult(r: IngestResult): BulkResult {
  if (!r.success) return r;
  const { routeIds: _routeIds, ...rest } = r;
  return rest;
}

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const ingestOne = async (request: FastifyRequest) => {
    const user = await ctx.requireUser(request);
    const headerKey = headerKeyOf(request);
    const { results, statements } = await ingestSnapshots(ctx.db, user.id, [request.body], {
      headerKey,
      nowMs: ctx.now(),
    });
    const r = results[0]!;
    request.log.info({ sessions: 1, statements, status: r.status }, 'session ingested');
    if (!r.success) throw new ApiError(400, r.error.code, r.error.message, r.error.details);
    return r;
  };

  const singleSchema = {
    tags: ['sessions'],
    ...secured,
    headers: {
      type: 'object',
      properties: {
        'idempotency-key': {
          type: 'string',
          description: 'used when the snapshot has no clientSessionId',
        },
      },
    },
    body: docSchema(sessionSnapshotSchema, 'input'),
    response: {
      200: docSchema(offlineResponseSchema),
      201: docSchema(offlineResponseSchema),
      400: errorDoc,
      401: errorDoc,
    },
  };

  for (const url of ['/sessions/offline', '/sessions/sync']) {
    app.post(url, { schema: singleSchema }, async (request, reply) => {
      const r = await ingestOne(request);
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
    });
  }

  app.post(
    '/sessions/sync/bulk',
    {
      schema: {
        tags: ['sessions'],
        ...secured,
        body: docSchema(bulkRequestSchema, 'input'),
        response: {
          200: docSchema(bulkResponseSchema),
          400: errorDoc,
          401: errorDoc,
          413: errorDoc,
        },
      },
    },
    async (request): Promise<BulkResponse> => {
      const user = await ctx.requireUser(request);
      const items = bulkItems(request.body);
      const { results, statements } = await ingestSnapshots(ctx.db, user.id, items, {
        nowMs: ctx.now(),
        isolateFailures: request.log,
      });
      const summary = { created: 0, duplicate: 0, updated: 0, merged: 0, rejected: 0 };
      for (const r of results) summary[r.status] += 1;
      request.log.info({ sessions: items.length, statements, summary }, 'bulk ingested');
      return { results: results.map(toBulkResult), summary };
    },
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags: ['sessions'],
        ...secured,
        querystring: docSchema(sessionsQuerySchema, 'input'),
        response: { 200: docSchema(sessionsPageSchema), 400: errorDoc, 401: errorDoc },
      },
    },
    async (request): Promise<SessionsPage> => {
      const user = await ctx.requireUser(request);
      const query = parseOr400(sessionsQuerySchema, request.query);
      if (query.updatedSince !== undefined) {
        if (query.cursor !== undefined) {
          throw ApiError.validation([
            { path: 'cursor', message: 'cannot be combined with updatedSince' },
          ]);
        }
        const after = decodeChangeCursor(query.updatedSince);
        if (after === null) {
          throw ApiError.validation([
            { path: 'updatedSince', message: 'is not a cursor issued by this server' },
          ]);
        }
        const page = await loadChangesPage(ctx.db, user.id, after, query.limit);
        const last = page.at(-1);
        return {
          sessions: page.map(toApiSession),
          nextCursor: encodeChangeCursor(last ? last.changeSeq : after),
        };
      }
      const after = query.cursor === undefined ? null : decodeHistoryCursor(query.cursor);
      if (query.cursor !== undefined && after === null) {
        throw ApiError.validation([
          { path: 'cursor', message: 'is not a cursor issued by this server' },
        ]);
      }
      // One row more than asked tells whether another page exists.
      const rows = await loadHistoryPage(ctx.db, user.id, after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        sessions: page.map(toApiSession),
        nextCursor:
          rows.length > query.limit && last
            ? encodeHistoryCursor({ startTime: last.state.fields.startTime, id: last.id })
            : null,
      };
    },
  );

  app.get(
    '/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        ...secured,
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 200: docSchema(sessionResponseSchema), 401: errorDoc, 404: errorDoc },
      },
    },
    async (request) => {
      const user = await ctx.requireUser(request);
      const { id } = request.params as { id: string };
      // Another user's session is answered exactly like one that does not exist.
      const session = isUuid(id) ? await loadById(ctx.db, user.id, id) : undefined;
      if (!session) throw ApiError.notFound('session');
      return { session: toApiSession(session) };
    },
  );
}
