import { errorBodySchema, meResponseSchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { revokeTokens } from '../../users/user-repository.js';

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

  // Not in API.md v1: signs out everywhere by revoking every token issued so far.
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
