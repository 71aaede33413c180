import type { User } from '@sendlog/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from './bearer-user.js';
import { noStore } from './no-store.js';
import type { AppContext } from '../context.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller. Set only inside the authenticated scope, the only place that reads it. */
    user: User;
  }
}

/**
 * Makes `scope` (a plugin scope) require a user: every route declared in it answers 401 without
 * a valid bearer token, and its handlers read `request.user`.
 *
 * Every answer of the scope is kept by no cache (`noStore`).
 *
 * preValidation: after the body is parsed (a body that is not JSON, too large or of another
 * type is still answered 400/413/415 first, as before) and before any validation (a request
 * without a valid token is 401 whatever its body, query or path id).
 */
export function requireAuthentication(scope: FastifyInstance, ctx: AppContext): void {
  scope.decorateRequest('user');
  scope.addHook('onSend', noStore);
  scope.addHook('preValidation', async (request) => {
    request.user = await authenticate(ctx.db, ctx.signer, request);
  });
}

/**
 * The caller of a public endpoint that answers a signed-in caller more (which gyms they follow,
 * their role there), or null. A missing, expired or revoked token reads as nobody signed in, as
 * these endpoints always answered: an older app with a stale token still gets the catalogue.
 */
export async function optionalUser(ctx: AppContext, request: FastifyRequest): Promise<User | null> {
  if (request.headers.authorization === undefined) return null;
  try {
    return await authenticate(ctx.db, ctx.signer, request);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return null;
    throw error;
  }
}
