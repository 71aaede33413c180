import { healthResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { pingDatabase } from '../../db/ping.js';
import { PUBLIC } from '../../http/docs.js';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the API and its database answer',
        tags: ['health'],
        ...PUBLIC,
        response: { 200: healthResponseSchema },
      },
    },
    async () => {
      // Answer ok only when the database answers too.
      await pingDatabase(ctx.db);
      return { status: 'ok' as const, database: ctx.databaseKind };
    },
  );
};
