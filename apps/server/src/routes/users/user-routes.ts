import { errorBodySchema, meResponseSchema, setRoleBodySchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { changeRoleKeepingAnAdmin } from '../../users/roles.js';

/** Other users' accounts, for admins (the scope's role check comes first). */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.put(
    '/users/role',
    {
      schema: {
        operationId: 'setUserRole',
        summary: 'Give an account a role (admin)',
        tags: ['users'],
        ...SECURED,
        body: setRoleBodySchema,
        response: {
          200: meResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: errorBodySchema,
        },
      },
    },
    async (request) => {
      const change = await changeRoleKeepingAnAdmin(ctx.db, request.body.email, request.body.role);
      if ('user' in change) return { user: change.user };
      if (change.refused === 'unknown_user') throw ApiError.notFound('user');
      throw new ApiError(
        409,
        'last_admin',
        'this is the last admin: make another account admin first',
        [{ path: 'email', message: 'is the last admin' }],
      );
    },
  );
};
