import {
  authResponseSchema,
  errorBodySchema,
  loginBodySchema,
  meResponseSchema,
  registerBodySchema,
  type AuthResponse,
  type User,
} from '@sendlog/contract';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { docSchema } from '../http/docs.js';
import { ApiError } from '../http/errors.js';
import { parseOr400 } from '../http/validate.js';

const normalizeEmail = (email: string) => email.trim().toLowerCase();
const errorDoc = docSchema(errorBodySchema);

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const issue = (user: User, tokenVersion: number): AuthResponse => ({
    token: ctx.signer.sign({ sub: user.id, ver: tokenVersion }),
    user,
  });

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
        tags: ['auth'],
        body: docSchema(registerBodySchema, 'input'),
        response: {
          201: docSchema(authResponseSchema),
          400: errorDoc,
          409: errorDoc,
          429: errorDoc,
        },
      },
    },
    async (request, reply) => {
      const body = parseOr400(registerBodySchema, request.body);
      const [row] = await ctx.db
        .insert(users)
        .values({
          email: normalizeEmail(body.email),
          name: body.name ? body.name : null,
          passwordHash: await hashPassword(body.password),
        })
        .onConflictDoNothing({ target: users.email })
        .returning({
          id: users.id,
          email: users.email,
          name: users.name,
          tokenVersion: users.tokenVersion,
        });
      if (!row) {
        throw new ApiError(409, 'email_taken', 'an account with this email already exists', [
          { path: 'email', message: 'is already registered' },
        ]);
      }
      return reply
        .code(201)
        .send(issue({ id: row.id, email: row.email, name: row.name }, row.tokenVersion));
    },
  );

  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          max: ctx.loginRateLimit.max,
          timeWindow: ctx.loginRateLimit.timeWindowMs,
          // After body parsing, so the limit is per address and account.
          hook: 'preHandler',
          keyGenerator: (request: FastifyRequest) => `login:${request.ip}:${emailOf(request.body)}`,
        },
      },
      schema: {
        tags: ['auth'],
        body: docSchema(loginBodySchema, 'input'),
        response: {
          200: docSchema(authResponseSchema),
          400: errorDoc,
          401: errorDoc,
          429: errorDoc,
        },
      },
    },
    async (request): Promise<AuthResponse> => {
      const body = parseOr400(loginBodySchema, request.body);
      const [row] = await ctx.db
        .select()
        .from(users)
        .where(eq(users.email, normalizeEmail(body.email)));
      // Unknown email and wrong password take the same time and give the same answer.
      const ok = await verifyPassword(body.password, row?.passwordHash ?? (await decoyHash()));
      if (!row || !ok) throw ApiError.unauthorized('wrong email or password');
      return issue({ id: row.id, email: row.email, name: row.name }, row.tokenVersion);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 200: docSchema(meResponseSchema), 401: errorDoc },
      },
    },
    async (request) => ({ user: await ctx.requireUser(request) }),
  );

  // Not in API.md v1: signs out everywhere by revoking every token issued so far.
  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        security: [{ bearer: [] }],
        response: { 204: { type: 'null' }, 401: errorDoc },
      },
    },
    async (request, reply) => {
      const user = await ctx.requireUser(request);
      await ctx.db
        .update(users)
        .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
        .where(eq(users.id, user.id));
      return reply.code(204).send();
    },
  );
}

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
