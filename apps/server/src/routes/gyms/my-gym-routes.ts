import { errorBodySchema, gymResponseSchema, gymsResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { findGym, gymsOf } from '../../gyms/gym-repository.js';
import { follow, unfollow } from '../../gyms/staff-repository.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { idParams } from '../../http/route-schemas.js';

const gymParams = idParams('gym', 'gymId');

/** The gyms of the signed-in climber: the ones they follow (and staff), follow and unfollow. */
export const myGymRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/me/gyms',
    {
      schema: {
        operationId: 'listMyGyms',
        summary: 'The gyms the caller follows or is staff of',
        tags: ['gyms'],
        ...SECURED,
        response: { 200: gymsResponseSchema, 401: errorBodySchema },
      },
    },
    async (request) => ({ gyms: await gymsOf(ctx.db, request.user.id) }),
  );

  app.put(
    '/me/gyms/:gymId',
    {
      schema: {
        operationId: 'followGym',
        summary: 'Follow a gym (idempotent)',
        tags: ['gyms'],
        ...SECURED,
        params: gymParams,
        response: { 200: gymResponseSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { gymId } = request.params;
      if (!(await follow(ctx.db, request.user.id, gymId))) throw ApiError.notFound('gym');
      return { gym: (await findGym(ctx.db, gymId, request.user.id))! };
    },
  );

  app.delete(
    '/me/gyms/:gymId',
    {
      schema: {
        operationId: 'unfollowGym',
        summary: 'Stop following a gym (idempotent)',
        tags: ['gyms'],
        ...SECURED,
        params: gymParams,
        response: { 204: z.undefined(), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      if (!(await unfollow(ctx.db, request.user.id, request.params.gymId))) {
        throw ApiError.notFound('gym');
      }
      return reply.code(204).send();
    },
  );
};
