import {
  climbsResponseSchema,
  errorBodySchema,
  gymLayoutsResponseSchema,
  gymResponseSchema,
  gymsQuerySchema,
  gymsResponseSchema,
} from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listGymClimbs, listGymLayouts } from '../../catalogue/catalogue-repository.js';
import type { AppContext } from '../../context.js';
import { findGym, searchGyms } from '../../gyms/gym-repository.js';
import { optionalUser } from '../../http/authenticated.js';
import { PUBLIC } from '../../http/docs.js';
import { sendWithEtag } from '../../http/etag.js';
import { ApiError } from '../../http/errors.js';
import { keyParams } from '../../http/route-schemas.js';

/** An id or a slug (any letter case): what a gym's link or QR code names. */
const gymParams = keyParams('gym', 'gymId', /^[A-Za-z0-9-]{2,40}$/);
const ifNoneMatch = z.looseObject({ 'if-none-match': z.string().optional() });

/**
 * Finding gyms and reading one, without a token; with one, each gym also says whether the
 * caller follows it and their role there.
 */
export const gymRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/gyms',
    {
      schema: {
        operationId: 'searchGyms',
        summary: 'Gyms whose name or city contains q, ignoring case and accents',
        description: 'Gyms not archived, by name, at most 50.',
        tags: ['gyms'],
        ...PUBLIC,
        querystring: gymsQuerySchema,
        response: { 200: gymsResponseSchema, 400: errorBodySchema },
      },
    },
    async (request) => {
      const viewer = await optionalUser(ctx, request);
      return { gyms: await searchGyms(ctx.db, request.query.q, viewer?.id ?? null) };
    },
  );

  app.get(
    '/gyms/:gymId',
    {
      schema: {
        operationId: 'getGym',
        summary: 'One gym, by id or slug',
        tags: ['gyms'],
        ...PUBLIC,
        params: gymParams,
        response: { 200: gymResponseSchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const viewer = await optionalUser(ctx, request);
      const gym = await findGym(ctx.db, request.params.gymId, viewer?.id ?? null);
      if (!gym) throw ApiError.notFound('gym');
      return { gym };
    },
  );

  app.get(
    '/gyms/:gymId/layouts',
    {
      schema: {
        operationId: 'listGymLayouts',
        summary: "A gym's layouts, archived ones included",
        description: 'Answers 304 to an If-None-Match naming the current ETag.',
        tags: ['gyms', 'catalogue'],
        ...PUBLIC,
        params: gymParams,
        headers: ifNoneMatch,
        response: { 200: gymLayoutsResponseSchema, 304: z.undefined(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const gym = await findGym(ctx.db, request.params.gymId, null);
      if (!gym) throw ApiError.notFound('gym');
      return sendWithEtag(request, reply, { layouts: await listGymLayouts(ctx.db, gym.id) });
    },
  );

  app.get(
    '/gyms/:gymId/climbs',
    {
      schema: {
        operationId: 'listGymClimbs',
        summary: "Every climb of a gym's layouts, archived ones included",
        description:
          'Additive to the contract: the climbs of every layout of the gym in one answer, layout ' +
          'by layout in the order of GET /layouts/:layoutId/climbs, so a phone keeping ten gyms ' +
          'makes ten requests rather than one per wall. Answers 304 to an If-None-Match naming ' +
          'the current ETag.',
        tags: ['gyms', 'catalogue'],
        ...PUBLIC,
        params: gymParams,
        headers: ifNoneMatch,
        response: { 200: climbsResponseSchema, 304: z.undefined(), 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const gym = await findGym(ctx.db, request.params.gymId, null);
      if (!gym) throw ApiError.notFound('gym');
      return sendWithEtag(request, reply, { climbs: await listGymClimbs(ctx.db, gym.id) });
    },
  );
};
