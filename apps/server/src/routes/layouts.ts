import { createHash } from 'node:crypto';
import {
  climbsResponseSchema,
  errorBodySchema,
  layoutsResponseSchema,
  type ClimbsResponse,
  type LayoutsResponse,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { queryRows } from '../db/sql.js';
import { docSchema } from '../http/docs.js';
import { ApiError } from '../http/errors.js';
import { isUuid } from '../domain/ids.js';

/** V-grades in climbing order (V2 before V10), then by name. */
function gradeRank(grade: string): number {
  const m = /^V(\d+)/i.exec(grade);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

export function layoutRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/layouts',
    { schema: { tags: ['catalogue'], response: { 200: docSchema(layoutsResponseSchema) } } },
    async (): Promise<LayoutsResponse> => {
      const rows = await queryRows<{
        id: string;
        name: string;
        description: string;
        climb_count: number;
      }>(
        ctx.db,
        sql`select l.id, l.name, l.description,
                   (select count(*) from climbs c where c.layout_id = l.id)::int as climb_count
            from layouts l order by l.name, l.id`,
      );
      return {
        layouts: rows.map((r) => ({
          id: r.id,
          name: r.name,
          description: r.description,
          climbCount: r.climb_count,
        })),
      };
    },
  );

  app.get(
    '/layouts/:layoutId/climbs',
    {
      schema: {
        tags: ['catalogue'],
        params: { type: 'object', properties: { layoutId: { type: 'string' } } },
        response: {
          200: docSchema(climbsResponseSchema),
          304: { type: 'null' },
          404: docSchema(errorBodySchema),
        },
      },
    },
    async (request, reply) => {
      const { layoutId } = request.params as { layoutId: string };
      if (!isUuid(layoutId)) throw ApiError.notFound('layout');
      const rows = await queryRows<{
        id: string | null;
        name: string;
        grade: string;
        archived: boolean;
      }>(
        ctx.db,
        sql`select c.id, c.name, c.grade, c.archived
            from layouts l left join climbs c on c.layout_id = l.id
            where l.id = ${layoutId}`,
      );
      if (rows.length === 0) throw ApiError.notFound('layout');
      const body: ClimbsResponse = {
        climbs: rows
          .flatMap((r) =>
            r.id === null
              ? []
              : [{ id: r.id, layoutId, name: r.name, grade: r.grade, archived: r.archived }],
          )
          .sort(
            (a, b) =>
              gradeRank(a.grade) - gradeRank(b.grade) ||
              a.name.localeCompare(b.name) ||
              a.id.localeCompare(b.id),
          ),
      };
      const json = JSON.stringify(body);
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}
