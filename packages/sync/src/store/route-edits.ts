import { EDITABLE_ROUTE_FIELD_NAMES } from '@sendlog/contract';
import type { LocalRoute, LogRouteInput, RoutePatch } from './model.js';

/** A route as the climber logs it at `at`: every optional field stated, null when not given. */
export function loggedRoute(id: string, input: LogRouteInput, at: string): LocalRoute {
  const given = input as Partial<Record<string, unknown>>;
  const route: Record<string, unknown> = { id };
  for (const name of EDITABLE_ROUTE_FIELD_NAMES) route[name] = given[name] ?? null;
  route.loggedAt = at;
  route.updatedAt = at;
  return Object.freeze(route as unknown as LocalRoute);
}

/** `current` with a patch applied at `at`. */
export function patchedRoute(current: LocalRoute, patch: RoutePatch, at: string): LocalRoute {
  // Another climb (or an unlisted climb rewritten): the grade the server recorded was the old one's.
  const { grade, ...kept } = current;
  const sameClimb =
    (patch.climbId === undefined || patch.climbId === current.climbId) && patch.climb === undefined;
  return Object.freeze({
    ...kept,
    ...(sameClimb && grade !== undefined ? { grade } : {}),
    ...editableFields(patch),
    updatedAt: at,
  });
}

/** The fields a patch sets (undefined leaves a field as it is; ids and times are not editable). */
function editableFields(patch: RoutePatch): RoutePatch {
  const out: Record<string, unknown> = {};
  for (const key of EDITABLE_ROUTE_FIELD_NAMES) if (patch[key] !== undefined) out[key] = patch[key];
  return out as RoutePatch;
}
