import type { LocalSession } from '../sync/types';

/**
 * The server's reason for refusing a session, in the climber's terms: a field path such as
 * `routes.2.attempts` names the route by its climb, since nobody counts their routes from zero.
 */
export function syncErrorText(
  session: LocalSession,
  climbName: (climbId: string) => string,
): string {
  const message = session.lastError?.message ?? 'The server refused this session.';
  return message.replace(/\broutes\.(\d+)\.(\w+)/g, (whole, index: string, field: string) => {
    const route = session.routes[Number(index)];
    if (!route) return whole;
    const name = route.climb?.name ?? (route.climbId !== null ? climbName(route.climbId) : null);
    return name !== null ? `${field} of "${name}"` : whole;
  });
}
