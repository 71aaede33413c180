import {
  authResponseSchema,
  errorBodySchema,
  loginBodySchema,
  registerBodySchema,
  type AuthResponse,
} from '@sendlog/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/passwords.js';
import { DEFAULT_LOGIN_FAILURE_LIMIT, type AppContext } from '../../context.js';
import { PUBLIC } from '../../http/docs.js';
import { ApiError } from '../../http/errors.js';
import { noStore } from '../../http/no-store.js';
import { countHit, takeBackHit } from '../../http/rate-limit-store.js';
import {
  createUser,
  findLoginCandidate,
  normalizeEmail,
  type TokenHolder,
} from '../../users/user-repository.js';

/** A signed token for the user and their current token version. */
function issueToken(ctx: AppContext, { user, tokenVersion }: TokenHolder): AuthResponse {
  return { token: ctx.signer.sign({ sub: user.id, ver: tokenVersion }), user };
}

/** Registration and login: the routes that need no token. */
export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const failureLimit = ctx.loginFailureLimit ?? DEFAULT_LOGIN_FAILURE_LIMIT;
  app.post(
    '/auth/register',
    {
      // The answer carries a token.
      onSend: noStore,
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
      onSend: noStore,
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
      // Every attempt counts as a failure of its address until it proves right, so attempts in
      // flight together cannot pass the limit; the right ones are taken back.
      const failures = `login-failures:${request.ip}`;
      const { hits, ttlMs } = await countHit(ctx.db, failures, failureLimit.timeWindowMs);
      if (hits > failureLimit.max) {
        throw new ApiError(
          429,
          'rate_limited',
          'too many failed logins from this address, try again later',
          undefined,
          Math.max(1, Math.ceil(ttlMs / 1000)),
        );
      }
      const found = await findLoginCandidate(ctx.db, email);
      // Unknown email and wrong password take the same time and give the same answer.
      const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
      if (!found || !ok) throw ApiError.unauthorized('wrong email or password');
      await takeBackHit(ctx.db, failures);
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
