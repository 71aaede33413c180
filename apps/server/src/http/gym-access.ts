import type { GymRole } from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { gymOf, mayManageGym, type ManagedThing } from '../gyms/access.js';
import { ApiError } from './errors.js';

/**
 * What a management route acts on, declared in its `config.manages`: the gym (of the gym, wall
 * or climb its path id names, or of the `gymId` its body names) decides who may call it, and the
 * role needed there. `decidedByHandler` is for the one route whose gym only its handler can tell
 * (`POST /layouts` without `gymId`): the handler asks the same `mayManageGym`.
 */
export type ManagedTarget =
  | { thing: ManagedThing; param: string; need: GymRole }
  | { bodyGymId: string; need: GymRole; decidedByHandler: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    manages?: ManagedTarget;
  }
}

/**
 * `METHOD /url` of every route declared in a managed scope, as the servers of this process
 * declared them: the isolation test checks it covers each one.
 */
export const MANAGED_ROUTES = new Set<string>();

export const forbiddenAtGym = (need: GymRole) =>
  new ApiError(
    403,
    'forbidden',
    need === 'admin' ? "this needs an admin of this gym's staff" : "this needs this gym's staff",
  );

/**
 * Makes every route of `scope` (catalogue and gym management, inside the authenticated scope and
 * after the role check that keeps climbers out) answer `403 forbidden` to a caller who may not
 * manage the gym it acts on: staff of gym A writing to gym B included. Before the body and path
 * are validated, so nothing is written and nothing else is revealed; an id of nothing is left to
 * the handler's `404`. A route declared in the scope without `config.manages` fails at start.
 */
export function requireGymStaff(scope: FastifyInstance, ctx: AppContext): void {
  scope.addHook('onRoute', (route) => {
    if (!route.config?.manages) {
      throw new Error(
        `${String(route.method)} ${route.url}: a management route must declare config.manages`,
      );
    }
    for (const method of [route.method].flat()) MANAGED_ROUTES.add(`${method} ${route.url}`);
  });
  scope.addHook('preValidation', async (request) => {
    const target = request.routeOptions.config.manages!;
    const gymId =
      'thing' in target
        ? await gymOf(ctx.db, target.thing, pathParam(request.params, target.param))
        : await gymOf(ctx.db, 'gym', bodyField(request.body, target.bodyGymId));
    if (gymId !== undefined && !mayManageGym(request.user, gymId, target.need)) {
      throw forbiddenAtGym(target.need);
    }
  });
}

function pathParam(params: unknown, name: string): string {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

function bodyField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
