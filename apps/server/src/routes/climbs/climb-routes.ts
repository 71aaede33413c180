import { climbResponseSchema, errorBodySchema, updateClimbBodySchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findClimb, findLayout } from '../../catalogue/catalogue-repository.js';
import { updateClimb } from '../../catalogue/catalogue-writes.js';
import type { AppContext } from '../../context.js';
import { canonicalGrade, climbGradeDetails } from '../../domain/climb-grades.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { idParams } from '../../http/route-schemas.js';

/** One climb, for its gym's staff (the scope's gym check comes first). */
export const climbRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.patch(
    '/climbs/:climbId',
    {
      config: { manages: { thing: 'climb', param: 'climbId', need: 'setter' } },
      schema: {
        operationId: 'updateClimb',
        summary: "Rename, regrade, move or archive a climb (its gym's staff)",
        description:
          "A regrade never rewrites a logged route's grade: routes keep the grade they were " +
          'logged at.',
        tags: ['catalogue management'],
        ...SECURED,
        params: idParams('climb', 'climbId'),
        body: updateClimbBodySchema,
        response: {
          200: climbResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { climbId } = request.params;
      const { grade, ...rest } = request.body;
      const climb = await findClimb(ctx.db, climbId);
      if (!climb) throw ApiError.notFound('climb');
      if (grade !== undefined) {
        const layout = await findLayout(ctx.db, climb.layoutId);
        const details = climbGradeDetails(layout!.gradeSystem, [{ path: 'grade', grade }]);
        if (details.length > 0) throw ApiError.validation(details);
      }
      await updateClimb(ctx.db, climbId, {
        ...rest,
        ...(grade !== undefined ? { grade: canonicalGrade(grade) } : {}),
      });
      return { climb: (await findClimb(ctx.db, climbId))! };
    },
  );
};
