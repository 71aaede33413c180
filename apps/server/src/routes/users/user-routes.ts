import { errorBodySchema, meResponseSchema, setRoleBodySchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { grantRole } from '../../users/roles.js';

/** Other users' accounts, for admins (the scope's role check comes first). */
export const userRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.put(
    '/users/role',
    {
      schema: {
        operationId: 'setUserRole',
        summary: 'Give an account a role (server admin)',
        description:
          "setter makes the account a setter of the server's only gym (400 at role with " +
          'several: use PUT /gyms/:id/staff); climber takes it off every staff.',
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
      const granted = await grantRole(ctx.db, request.body.email, request.body.role, {
        keepAnAdmin: true,
      });
      if (granted.ok) return { user: granted.user };
      if (granted.reason === 'no_account') throw ApiError.notFound('user');
      if (granted.reason === 'last_admin') {
        throw new ApiError(
          409,
          'last_admin',
          'this is the last server admin: make another account admin first',
          [{ path: 'email', message: 'is the last server admin' }],
        );
      }
      throw ApiError.validation([
        {
          path: 'role',
          message: 'setter needs a server with one gym: name the gym with PUT /gyms/:id/staff',
        },
      ]);
    },
  );
};
