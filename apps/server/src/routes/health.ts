import { healthResponseSchema, type HealthResponse } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { docSchema } from '../http/docs.js';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: docSchema(healthResponseSchema) } } },
    async (): Promise<HealthResponse> => {
      // Answer ok only when the database answers too.
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok', database: ctx.databaseKind };
    },
  );
}
