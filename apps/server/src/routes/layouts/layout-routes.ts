import { climbsResponseSchema, errorBodySchema, layoutsResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listLayoutClimbs, listLayouts } from '../../catalogue/catalogue-repository.js';
import type { AppContext } from '../../context.js';
import { optionalUser } from '../../http/authenticated.js';
import { PUBLIC } from '../../http/docs.js';
import { sendWithEtag } from '../../http/etag.js';
import { ApiError } from '../../http/errors.js';
import { idParams } from '../../http/route-schemas.js';

const ifNoneMatch = z.looseObject({ 'if-none-match': z.string().optional() });

/** The catalogue, readable without a token. */
export const layoutRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/layouts',
    {
      schema: {
        operationId: 'listLayouts',
        summary: 'The layouts of the gyms the caller follows or staffs, archived ones included',
        description:
          "A caller who follows and staffs no gym (or sends no token) gets every gym's layouts. " +
          'Answers 304 to an If-None-Match naming the current ETag.',
        tags: ['catalogue'],
        ...PUBLIC,
        headers: ifNoneMatch,
        response: { 200: layoutsResponseSchema, 304: z.undefined() },
      },
    },
    async (request, reply) => {
      const viewer = await optionalUser(ctx, request);
      // The list depends on who asks: a shared cache must not answer one caller's to another.
      reply.header('vary', 'Authorization');
      return sendWithEtag(request, reply, {
        layouts: await listLayouts(ctx.db, viewer?.id ?? null),
      });
    },
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
        headers: ifNoneMatch,
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
      return sendWithEtag(request, reply, { climbs });
    },
  );
};
