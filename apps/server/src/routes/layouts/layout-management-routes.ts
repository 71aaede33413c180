import {
  climbResponseSchema,
  createClimbBodySchema,
  createLayoutBodySchema,
  errorBodySchema,
  layoutResponseSchema,
  resetLayoutBodySchema,
  resetLayoutResponseSchema,
  updateLayoutBodySchema,
  type CreateClimbBody,
  type Layout,
} from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findClimb, findClimbs, findLayout } from '../../catalogue/catalogue-repository.js';
import {
  createClimbs,
  createLayout,
  resetLayout,
  updateLayout,
  type NewClimb,
} from '../../catalogue/catalogue-writes.js';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { canonicalGrade, climbGradeDetails } from '../../domain/climb-grades.js';
import { mayManageGym } from '../../gyms/access.js';
import { wallGymOf } from '../../gyms/wall-gym.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { forbiddenAtGym, type ManagedTarget } from '../../http/gym-access.js';
import { idParams } from '../../http/route-schemas.js';

const REFUSALS = { 401: errorBodySchema, 403: errorBodySchema } as const;
const layoutParams = idParams('layout', 'layoutId');
/** The routes acting on one wall: its gym's staff may. */
const ON_LAYOUT = {
  manages: { thing: 'layout', param: 'layoutId', need: 'setter' } satisfies ManagedTarget,
};

async function existingLayout(db: Db, layoutId: string): Promise<Layout> {
  const layout = await findLayout(db, layoutId);
  if (!layout) throw ApiError.notFound('layout');
  return layout;
}

/** New climbs checked against the layout's grade system and spelled canonically. */
function climbsFor(
  layout: Layout,
  list: readonly CreateClimbBody[],
  gradePath: (index: number) => string,
): NewClimb[] {
  const details = climbGradeDetails(
    layout.gradeSystem,
    list.map((c, i) => ({ path: gradePath(i), grade: c.grade })),
  );
  if (details.length > 0) throw ApiError.validation(details);
  return list.map((c) => ({ ...c, grade: canonicalGrade(c.grade) }));
}

/** Walls and their climbs, for their gym's staff (the scope's gym check comes first). */
export const layoutManagementRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/layouts',
    {
      config: { manages: { bodyGymId: 'gymId', need: 'setter', decidedByHandler: true } },
      schema: {
        operationId: 'createLayout',
        summary: 'Add a wall to a gym (its staff)',
        description:
          "Into `gymId`, else into the one gym the caller is staff of (or the server's only " +
          'gym); when that is ambiguous, 400 validation_failed at gymId.',
        tags: ['catalogue management'],
        ...SECURED,
        body: createLayoutBodySchema,
        response: { 201: layoutResponseSchema, 400: errorBodySchema, ...REFUSALS },
      },
    },
    async (request, reply) => {
      const { name, description, gradeSystem } = request.body;
      const gym = await wallGymOf(ctx.db, request.user, request.body.gymId);
      if (!gym.ok) throw ApiError.validation([{ path: 'gymId', message: gym.message }]);
      const { gymId } = gym;
      if (!mayManageGym(request.user, gymId, 'setter')) throw forbiddenAtGym('setter');
      const id = await createLayout(ctx.db, {
        gymId,
        name,
        description: description ?? '',
        gradeSystem,
      });
      return reply.code(201).send({ layout: await existingLayout(ctx.db, id) });
    },
  );

  app.patch(
    '/layouts/:layoutId',
    {
      config: ON_LAYOUT,
      schema: {
        operationId: 'updateLayout',
        summary: "Rename, describe or archive a wall (its gym's staff)",
        tags: ['catalogue management'],
        ...SECURED,
        params: layoutParams,
        body: updateLayoutBodySchema,
        response: {
          200: layoutResponseSchema,
          400: errorBodySchema,
          ...REFUSALS,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { layoutId } = request.params;
      if (!(await updateLayout(ctx.db, layoutId, request.body))) throw ApiError.notFound('layout');
      return { layout: await existingLayout(ctx.db, layoutId) };
    },
  );

  app.post(
    '/layouts/:layoutId/climbs',
    {
      config: ON_LAYOUT,
      schema: {
        operationId: 'createClimb',
        summary: "Add a climb to a wall (its gym's staff)",
        description: "The grade must belong to the layout's grade system.",
        tags: ['catalogue management'],
        ...SECURED,
        params: layoutParams,
        body: createClimbBodySchema,
        response: {
          201: climbResponseSchema,
          400: errorBodySchema,
          ...REFUSALS,
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const layout = await existingLayout(ctx.db, request.params.layoutId);
      const [id] = await createClimbs(
        ctx.db,
        layout.id,
        climbsFor(layout, [request.body], () => 'grade'),
      );
      const climb = await findClimb(ctx.db, id!);
      return reply.code(201).send({ climb: climb! });
    },
  );

  app.post(
    '/layouts/:layoutId/reset',
    {
      config: ON_LAYOUT,
      schema: {
        operationId: 'resetLayout',
        summary: 'Reset a wall: its new climbs, the others archived, in one transaction',
        tags: ['catalogue management'],
        ...SECURED,
        params: layoutParams,
        body: resetLayoutBodySchema,
        response: {
          200: resetLayoutResponseSchema,
          400: errorBodySchema,
          ...REFUSALS,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const layout = await existingLayout(ctx.db, request.params.layoutId);
      const climbs = climbsFor(layout, request.body.climbs, (i) => `climbs.${i}.grade`);
      const result = await resetLayout(ctx.db, layout.id, climbs, request.body.archiveOthers);
      return { created: await findClimbs(ctx.db, result.created), archived: result.archived };
    },
  );
};
