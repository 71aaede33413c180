import { errorBodySchema, meResponseSchema, updateMeBodySchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { revokeTokens, updateProfile } from '../../users/user-repository.js';
import { ApiError } from '../../http/errors.js';

/** The signed-in user's own account: declared inside the authenticated scope. */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'The signed-in user',
        tags: ['auth'],
        ...SECURED,
        response: { 200: meResponseSchema, 401: errorBodySchema },
      },
    },
    async (request) => ({ user: request.user }),
  );

  app.patch(
    '/me',
    {
      schema: {
        operationId: 'updateMe',
        summary: "Change the signed-in user's name or grade system",
        description: 'The grade system is how grades are shown; stored grades are never rewritten.',
        tags: ['auth'],
        ...SECURED,
        body: updateMeBodySchema,
        response: { 200: meResponseSchema, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      const user = await updateProfile(ctx.db, request.user.id, request.body);
      // Authenticated a moment ago: only an account deleted meanwhile could be missing.
      if (!user) throw ApiError.unauthorized('the account no longer exists');
      return { user };
    },
  );

  // Our addition (see docs/api.md): signs out everywhere by revoking every token issued so far.
  app.post(
    '/auth/logout',
    {
      schema: {
        operationId: 'logout',
        summary: 'Sign out on every device',
        tags: ['auth'],
        ...SECURED,
        response: { 204: z.undefined(), 401: errorBodySchema },
      },
    },
    async (request, reply) => {
      await revokeTokens(ctx.db, request.user.id);
      return reply.code(204).send();
    },
  );
};
