import {
  authResponseSchema,
  errorBodySchema,
  loginBodySchema,
  registerBodySchema,
} from '@sendlog/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { issueToken } from '../../auth/issue-token.js';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { AppContext } from '../../context.js';
import { PUBLIC } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { createUser, findLoginCandidate, normalizeEmail } from '../../users/user-repository.js';

/** Registration and login: the routes that need no token. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/register',
    {
      config: {
        rateLimit: {
          max: ctx.registerRateLimit.max,
          timeWindow: ctx.registerRateLimit.timeWindowMs,
          // Each account costs a scrypt hash: per address, so a script cannot burn the CPU.
          keyGenerator: (request: FastifyRequest) => `register:${request.ip}`,
        },
      },
      schema: {
        operationId: 'register',
        summary: 'Create an account and sign in',
        tags: ['auth'],
        ...PUBLIC,
        body: registerBodySchema,
        response: {
          201: authResponseSchema,
          400: errorBodySchema,
          409: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { email, name, password } = request.body;
      const created = await createUser(ctx.db, {
        email,
        name: name ? name : null,
        passwordHash: await hashPassword(password),
      });
      if (!created) {
        throw new ApiError(409, 'email_taken', 'an account with this email already exists', [
          { path: 'email', message: 'is already registered' },
        ]);
      }
      return reply.code(201).send(issueToken(ctx, created));
    },
  );

  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: ctx.loginRateLimit.max,
          timeWindow: ctx.loginRateLimit.timeWindowMs,
          // After body parsing, so the limit is per address and account; before validation, so
          // malformed attempts count too.
          hook: 'preValidation',
          keyGenerator: (request: FastifyRequest) => `login:${request.ip}:${emailOf(request.body)}`,
        },
      },
      schema: {
        operationId: 'login',
        summary: 'Sign in with email and password',
        tags: ['auth'],
        ...PUBLIC,
        body: loginBodySchema,
        response: {
          200: authResponseSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const found = await findLoginCandidate(ctx.db, email);
      // Unknown email and wrong password take the same time and give the same answer.
      const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
      if (!found || !ok) throw ApiError.unauthorized('wrong email or password');
      return issueToken(ctx, found);
    },
  );
};

function emailOf(body: unknown): string {
  if (
    typeof body === 'object' &&
    body !== null &&
    'email' in body &&
    typeof body.email === 'string'
  ) {
    return normalizeEmail(body.email).slice(0, 254);
  }
  return '';
}
