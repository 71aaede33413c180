import {
  INSIGHTS_LIMITS,
  errorBodySchema,
  insightsQuerySchema,
  insightsResponseSchema,
} from '@sendlog/contract';
import { resolveStatsPeriod } from '@sendlog/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HEAVY_READ_TIMEOUT_MS, type AppContext } from '../../context.js';
import { findGym } from '../../gyms/gym-repository.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import type { ManagedTarget } from '../../http/gym-access.js';
import { underReadLease } from '../../http/read-lease.js';
import { idParams } from '../../http/route-schemas.js';
import { loadInsights } from '../../insights/insights-repository.js';

const GYM_STAFF = {
  manages: { thing: 'gym', param: 'gymId', need: 'setter' } satisfies ManagedTarget,
};

/**
 * What a gym's staff see (in the management scope: its staff and server admins; the scope's one
 * gym check refuses everyone else before this runs).
 */
export const gymInsightsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  const timeoutMs = ctx.heavyReadTimeoutMs ?? HEAVY_READ_TIMEOUT_MS;
  app.get(
    '/gyms/:gymId/insights',
    {
      config: GYM_STAFF,
      schema: {
        operationId: 'getGymInsights',
        summary: "A gym's insights: its set, what was climbed, verdicts, activity (its staff)",
        description:
          "Aggregates of every climber's sessions at the gym's walls in the period, in the gym's time zone; no climber is named.",
        tags: ['gyms'],
        ...SECURED,
        params: idParams('gym', 'gymId'),
        querystring: insightsQuerySchema,
        response: {
          200: insightsResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          429: errorBodySchema,
          503: errorBodySchema,
        },
      },
    },
    async (request) => {
      const gym = await findGym(ctx.db, request.params.gymId, null);
      if (!gym) throw ApiError.notFound('gym');
      const period = resolveStatsPeriod(
        { ...request.query, tz: gym.timeZone },
        ctx.now(),
        INSIGHTS_LIMITS.defaultWeeks,
      );
      if (!period.ok) {
        throw ApiError.validation(
          period.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
      // One heavy read at a time per caller, as for the logbook's numbers.
      return underReadLease(ctx.db, request.user.id, 2 * timeoutMs, () =>
        loadInsights(
          ctx.db,
          { gymId: gym.id, timeZone: gym.timeZone, from: period.from, to: period.to },
          timeoutMs,
        ),
      );
    },
  );
};
