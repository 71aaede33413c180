import type { SessionRoute } from './session.js';

/** How a route field's value is kept; the server derives its column type from it. */
export type RouteFieldKind = 'id' | 'boolean' | 'integer' | 'text' | 'time' | 'climb';

/**
 * The content of a logged route, declared once. Every copy of a route (the snapshot a phone sends,
 * the server's row and answer, the phone's local copy) carries these fields, and the mappers
 * between them copy this list rather than spelling the fields out. Identity (`clientRouteId`, the
 * local `id`, the server `id`) and the edit time (`updatedAt`) are not content.
 *
 * The order is part of the merge: @sendlog/rules breaks ties between edits of equal time by the
 * JSON text of these values in this order, so reordering it changes which edit wins a tie.
 */
export const ROUTE_CONTENT_FIELDS = [
  { name: 'climbId', kind: 'id' },
  { name: 'isSuccess', kind: 'boolean' },
  { name: 'attempts', kind: 'integer' },
  { name: 'notes', kind: 'text' },
  { name: 'rating', kind: 'integer' },
  { name: 'gradeOpinion', kind: 'text' },
  { name: 'loggedAt', kind: 'time' },
  // Last: an unlisted climb (`{ name, grade, kind }`, null for a catalogue climb). Appended so the
  // tie-break text of every route logged before it existed keeps its order.
  { name: 'climb', kind: 'climb' },
] as const satisfies readonly { name: keyof SessionRoute; kind: RouteFieldKind }[];

export type RouteContentField = (typeof ROUTE_CONTENT_FIELDS)[number]['name'];
export type RouteContent = Pick<SessionRoute, RouteContentField>;

export const ROUTE_CONTENT_FIELD_NAMES: readonly RouteContentField[] = ROUTE_CONTENT_FIELDS.map(
  (f) => f.name,
);

/**
 * What a climber edits of a logged route: its content but the time it was logged, which the
 * device sets once.
 */
export type EditableRouteField = Exclude<
  RouteContentField,
  Extract<(typeof ROUTE_CONTENT_FIELDS)[number], { kind: 'time' }>['name']
>;

export const EDITABLE_ROUTE_FIELD_NAMES: readonly EditableRouteField[] =
  ROUTE_CONTENT_FIELDS.filter(
    (f): f is Extract<(typeof ROUTE_CONTENT_FIELDS)[number], { name: EditableRouteField }> =>
      f.kind !== 'time',
  ).map((f) => f.name);

/**
 * Copies the declared content of `from` onto `into` (which holds identity and times) and returns
 * `into`: no intermediate object, so mappers on hot paths can use it.
 */
export function withRouteContent<
  T extends object,
  // Partial: an unlisted `climb` is optional where older copies of a route never had it.
  C extends Partial<Record<RouteContentField, unknown>> = RouteContent,
>(into: T, from: C): T & Pick<C, RouteContentField> {
  const target = into as T & Record<RouteContentField, unknown>;
  for (const name of ROUTE_CONTENT_FIELD_NAMES) target[name] = from[name];
  return target as T & Pick<C, RouteContentField>;
}
