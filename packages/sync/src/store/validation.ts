import { LIMITS, issuesToDetails, routeSnapshotSchema, withRouteContent } from '@sendlog/contract';
import { SessionStoreError } from './errors.js';
import type { LocalRoute } from './model.js';

/**
 * Checks a route against the contract before it is stored, so the climber hears about a bad value
 * while logging it instead of as a rejected sync later.
 */
export function assertValidRoute(route: LocalRoute): void {
  const result = routeSnapshotSchema.safeParse(
    withRouteContent({ clientRouteId: route.id, updatedAt: route.updatedAt }, route),
  );
  // A route names a catalogue climb or carries an unlisted one, never both or neither.
  if ((route.climbId == null) === (route.climb == null)) {
    const path = route.climbId == null ? 'climbId' : 'climb';
    const message =
      route.climbId == null
        ? 'is required unless the route carries an unlisted climb'
        : 'must be left out when climbId is given';
    throw new SessionStoreError('invalid_input', `${path} ${message}`, [{ path, message }]);
  }
  if (!result.success) {
    const details = issuesToDetails(result.error.issues);
    throw new SessionStoreError(
      'invalid_input',
      details.map((d) => `${d.path} ${d.message}`).join('; '),
      details,
    );
  }
}

export function assertValidNotes(notes: string | null): void {
  if (notes != null && notes.length > LIMITS.maxSessionNotes) {
    const message = `must be at most ${LIMITS.maxSessionNotes} chars`;
    throw new SessionStoreError('invalid_input', `notes ${message}`, [{ path: 'notes', message }]);
  }
}

export function assertRoomForRoute(routeCount: number): void {
  if (routeCount >= LIMITS.maxRoutesPerSession) {
    throw new SessionStoreError(
      'session_full',
      `a session holds at most ${LIMITS.maxRoutesPerSession} routes`,
    );
  }
}
