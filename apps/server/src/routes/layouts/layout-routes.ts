import { climbsResponseSchema, errorBodySchema, layoutsResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listLayoutClimbs, listLayouts } from '../../catalogue/catalogue-repository.js';
import type { AppContext } from '../../context.js';
import { PUBLIC } from '../../http/docs.js';
import { etagOf, matchesEtag } from '../../http/etag.js';
import { ApiError } from '../../http/errors.js';
import { idParams } from '../../http/route-schemas.js';

/** The gym's catalogue, readable without a token. */
export const layoutRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/layouts',
    {
      schema: {
        operationId: 'listLayouts',
        summary: 'The layouts of the gym',
        tags: ['catalogue'],
        ...PUBLIC,
        response: { 200: layoutsResponseSchema },
      },
    },
    async () => ({ layouts: await listLayouts(ctx.db) }),
  );

  app.get(
    '/layouts/:layoutId/climbs',
    {
      schema: {
        operationId: 'listLayoutClimbs',
        summary: 'The climbs of a layout, archived ones included',
        description: 'Answers 304 to an If-None-Match naming the current ETag.',
        tags: ['catalogue'],
        ...PUBLIC,
        params: idParams('layout', 'layoutId'),
        headers: z.looseObject({ 'if-none-match': z.string().optional() }),
        response: {
          200: climbsResponseSchema,
          304: z.undefined(),
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const climbs = await listLayoutClimbs(ctx.db, request.params.layoutId);
      if (!climbs) throw ApiError.notFound('layout');
      const body = { climbs };
      const etag = etagOf(JSON.stringify(body));
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.send(body);
    },
  );
};
