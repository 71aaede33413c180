import type { LocalRoute, LogRouteInput, RoutePatch } from './model.js';

/** A route as the climber logs it at `at`: every optional field stated, null when not given. */
export function loggedRoute(id: string, input: LogRouteInput, at: string): LocalRoute {
  return Object.freeze({
    id,
    climbId: input.climbId,
    isSuccess: input.isSuccess,
    attempts: input.attempts,
    notes: input.notes ?? null,
    rating: input.rating ?? null,
    gradeOpinion: input.gradeOpinion ?? null,
    loggedAt: at,
    updatedAt: at,
  });
}

/** `current` with a patch applied at `at`. */
export function patchedRoute(current: LocalRoute, patch: RoutePatch, at: string): LocalRoute {
  // Another climb: the grade the server recorded was the old climb's.
  const { grade, ...kept } = current;
  const sameClimb = patch.climbId === undefined || patch.climbId === current.climbId;
  return Object.freeze({
    ...kept,
    ...(sameClimb && grade !== undefined ? { grade } : {}),
    ...editableFields(patch),
    updatedAt: at,
  });
}

const EDITABLE_ROUTE_FIELDS = [
  'climbId',
  'isSuccess',
  'attempts',
  'notes',
  'rating',
  'gradeOpinion',
] as const satisfies readonly (keyof RoutePatch)[];

/** The fields a patch sets (undefined leaves a field as it is; ids and times are not editable). */
function editableFields(patch: RoutePatch): RoutePatch {
  const out: Record<string, unknown> = {};
  for (const key of EDITABLE_ROUTE_FIELDS) if (patch[key] !== undefined) out[key] = patch[key];
  return out as RoutePatch;
}
