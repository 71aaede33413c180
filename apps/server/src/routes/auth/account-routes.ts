import {
  authResponseSchema,
  changePasswordBodySchema,
  deleteAccountBodySchema,
  errorBodySchema,
  meResponseSchema,
  updateMeBodySchema,
} from '@sendlog/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueToken } from '../../auth/issue-token.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../context.js';
import { SECURED } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { passwordHashOf, replacePassword } from '../../users/credentials.js';
import { deleteAccount } from '../../users/delete-account.js';
import { revokeTokens, updateProfile } from '../../users/user-repository.js';

/** Whether `password` is the account's own; an account deleted meanwhile is a 401. */
async function checkPassword(ctx: AppContext, userId: string, password: string): Promise<void> {
  const hash = await passwordHashOf(ctx.db, userId);
  if (!hash) throw ApiError.unauthorized('the account no longer exists');
  if (!(await verifyPassword(password, hash))) {
    throw new ApiError(403, 'wrong_password', 'the password is not this account’s');
  }
}

/** The signed-in user's own account: declared inside the authenticated scope. */
export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // A stolen, unlocked phone holds a token: the endpoints that take the password again are limited
  // like login, per account (one counter for both), so the token cannot guess it.
  const passwordCheckLimit = {
    rateLimit: {
      max: ctx.loginRateLimit.max,
      timeWindow: ctx.loginRateLimit.timeWindowMs,
      // After the scope's authentication (request.user is set) and before validation, so
      // malformed attempts count too, as at login.
      hook: 'preValidation' as const,
      keyGenerator: (request: FastifyRequest) => `account-password:${request.user.id}`,
    },
  };

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

  app.post(
    '/me/password',
    {
      config: passwordCheckLimit,
      schema: {
        operationId: 'changePassword',
        summary: 'Change the password; every other token of the account is revoked',
        description:
          'Answers a new token: every token issued before, on any device, answers 401 from now on.',
        tags: ['auth'],
        ...SECURED,
        body: changePasswordBodySchema,
        response: {
          200: authResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      await checkPassword(ctx, request.user.id, currentPassword);
      const holder = await replacePassword(
        ctx.db,
        { userId: request.user.id },
        await hashPassword(newPassword),
      );
      if (!holder) throw ApiError.unauthorized('the account no longer exists');
      return issueToken(ctx, holder);
    },
  );

  app.delete(
    '/me',
    {
      config: passwordCheckLimit,
      schema: {
        operationId: 'deleteMe',
        summary: 'Delete the account and everything it logged',
        description:
          'One transaction: sessions, routes, tokens and the community numbers they made. The ' +
          'email may register again as a new, empty account.',
        tags: ['auth'],
        ...SECURED,
        body: deleteAccountBodySchema,
        response: {
          204: z.undefined(),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          409: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      await checkPassword(ctx, request.user.id, request.body.password);
      const outcome = await deleteAccount(ctx.db, request.user.id);
      if (outcome === 'gone') throw ApiError.unauthorized('the account no longer exists');
      if (outcome === 'last_gym_admin') {
        throw new ApiError(
          409,
          'last_gym_admin',
          'this is the only admin of a gym: make another of its staff admin first',
        );
      }
      if (outcome === 'last_admin') {
        throw new ApiError(
          409,
          'last_admin',
          'this is the server’s only admin: make another account admin first',
        );
      }
      return reply.code(204).send();
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
