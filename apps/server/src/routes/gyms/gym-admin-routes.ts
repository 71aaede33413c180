import { createGymBodySchema, errorBodySchema, gymResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { createGym, findGym } from '../../gyms/gym-repository.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';

/** Making gyms, for server admins (the scope's role check comes first). */
export const gymAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/gyms',
    {
      schema: {
        operationId: 'createGym',
        summary: 'Create a gym (server admin)',
        description: 'A slug is made from the name when absent; a slug already taken is 409.',
        tags: ['gyms'],
        ...SECURED,
        body: createGymBodySchema,
        response: {
          201: gymResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const created = await createGym(ctx.db, request.body);
      if (!created.ok) {
        throw new ApiError(409, 'slug_taken', 'that slug is taken by another gym', [
          { path: 'slug', message: 'is taken' },
        ]);
      }
      return reply.code(201).send({ gym: (await findGym(ctx.db, created.id, request.user.id))! });
    },
  );
};
