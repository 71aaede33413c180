import {
  createGymLayoutBodySchema,
  errorBodySchema,
  gymResponseSchema,
  gymStaffResponseSchema,
  layoutResponseSchema,
  setGymStaffBodySchema,
  updateGymBodySchema,
} from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findLayout } from '../../catalogue/catalogue-repository.js';
import { createLayout } from '../../catalogue/catalogue-writes.js';
import type { AppContext } from '../../context.js';
import { findGym, gymGradeSystem, updateGym } from '../../gyms/gym-repository.js';
import { listStaff, setStaffRole } from '../../gyms/staff-repository.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import type { ManagedTarget } from '../../http/gym-access.js';
import { idParams } from '../../http/route-schemas.js';

const gymParams = idParams('gym', 'gymId');
const REFUSALS = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema } as const;
const GYM_ADMINS = {
  manages: { thing: 'gym', param: 'gymId', need: 'admin' } satisfies ManagedTarget,
};
const GYM_STAFF = {
  manages: { thing: 'gym', param: 'gymId', need: 'setter' } satisfies ManagedTarget,
};

/** A gym's own settings, staff and new walls (the scope's gym check comes first). */
export const gymManagementRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.patch(
    '/gyms/:gymId',
    {
      config: GYM_ADMINS,
      schema: {
        operationId: 'updateGym',
        summary: 'Change a gym (its admins)',
        tags: ['gyms'],
        ...SECURED,
        params: gymParams,
        body: updateGymBodySchema,
        response: { 200: gymResponseSchema, 400: errorBodySchema, ...REFUSALS },
      },
    },
    async (request) => {
      const { gymId } = request.params;
      if (!(await updateGym(ctx.db, gymId, request.body))) throw ApiError.notFound('gym');
      return { gym: (await findGym(ctx.db, gymId, request.user.id))! };
    },
  );

  app.get(
    '/gyms/:gymId/staff',
    {
      config: GYM_ADMINS,
      schema: {
        operationId: 'listGymStaff',
        summary: "A gym's staff (its admins)",
        tags: ['gyms'],
        ...SECURED,
        params: gymParams,
        response: { 200: gymStaffResponseSchema, ...REFUSALS },
      },
    },
    async (request) => {
      const { gymId } = request.params;
      if (!(await findGym(ctx.db, gymId, null))) throw ApiError.notFound('gym');
      return { staff: await listStaff(ctx.db, gymId) };
    },
  );

  app.put(
    '/gyms/:gymId/staff',
    {
      config: GYM_ADMINS,
      schema: {
        operationId: 'setGymStaff',
        summary: "Give an account a role at a gym, or take it off the staff (the gym's admins)",
        description:
          'role null removes the account from the staff; removing the last admin is 409 ' +
          'last_gym_admin.',
        tags: ['gyms'],
        ...SECURED,
        params: gymParams,
        body: setGymStaffBodySchema,
        response: {
          200: gymStaffResponseSchema,
          400: errorBodySchema,
          ...REFUSALS,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { gymId } = request.params;
      const { email, role } = request.body;
      const change = await setStaffRole(ctx.db, gymId, email, role);
      if (change === 'no_gym') throw ApiError.notFound('gym');
      if (change === 'no_account') throw ApiError.notFound('user');
      if (change === 'last_gym_admin') {
        throw new ApiError(409, 'last_gym_admin', 'the gym would be left without an admin', [
          { path: 'role', message: 'would leave the gym without an admin' },
        ]);
      }
      return { staff: await listStaff(ctx.db, gymId) };
    },
  );

  app.post(
    '/gyms/:gymId/layouts',
    {
      config: GYM_STAFF,
      schema: {
        operationId: 'createGymLayout',
        summary: 'Add a wall to a gym (its staff)',
        description: "The grade system defaults to the gym's.",
        tags: ['gyms', 'catalogue management'],
        ...SECURED,
        params: gymParams,
        body: createGymLayoutBodySchema,
        response: { 201: layoutResponseSchema, 400: errorBodySchema, ...REFUSALS },
      },
    },
    async (request, reply) => {
      const { gymId } = request.params;
      const gradeSystem = await gymGradeSystem(ctx.db, gymId);
      if (!gradeSystem) throw ApiError.notFound('gym');
      const { name, description } = request.body;
      const id = await createLayout(ctx.db, {
        gymId,
        name,
        description: description ?? '',
        gradeSystem: request.body.gradeSystem ?? gradeSystem,
      });
      return reply.code(201).send({ layout: (await findLayout(ctx.db, id))! });
    },
  );
};
