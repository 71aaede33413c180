import type { Role } from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';

/**
 * Who may manage anything of a gym (walls, climbs, pictures, resets, staff, the gym): someone on
 * some gym's staff (`user.role` setter) or a server admin. Which gym is http/gym-access.ts's.
 */
export const CATALOGUE_MANAGERS: readonly Role[] = ['setter', 'admin'];
/** Server admins: grant roles, create gyms. */
export const ADMINS: readonly Role[] = ['admin'];

/**
 * Makes `scope` (a plugin scope inside the authenticated one) answer `403 forbidden` to any
 * signed-in user whose role is not in `roles`. The one place roles are checked: handlers in the
 * scope never see such a caller, so nothing is written for them.
 *
 * preValidation, registered after the authenticated scope's own hook, so a request without a
 * valid token is still 401 and a climber is 403 whatever the body or path says.
 */
export function requireRole(scope: FastifyInstance, roles: readonly Role[]): void {
  scope.addHook('preValidation', async (request) => {
    if (!roles.includes(request.user.role)) {
      throw new ApiError(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    }
  });
}
