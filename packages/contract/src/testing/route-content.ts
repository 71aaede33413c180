import { ROUTE_CONTENT_FIELDS, type RouteContent, type RouteFieldKind } from '../route-fields.js';

const SAMPLES: Record<RouteFieldKind, (index: number, name: string, variant: number) => unknown> = {
  id: (i, name, v) => `${name.toLowerCase()}-${i}-${v}`,
  boolean: (_i, _name, v) => v === 0,
  // Within every integer limit (attempts 1–999, rating 1–5) and distinct from the defaults.
  integer: (i, _name, v) => 2 + ((i + v) % 3),
  // Short enough for every text limit (gradeOpinion ≤ 10 chars).
  text: (i, _name, v) => `t${i}v${v}`,
  time: (i, _name, v) => `2026-11-24T18:${String(10 + i + 10 * v).padStart(2, '0')}:00.000Z`,
  climb: (i, _name, v) =>
    v === 0
      ? { name: `Crag line ${i}`, grade: '5.11a', kind: 'route' }
      : { name: `Blue roof ${i}`, grade: 'V4', kind: 'boulder' },
};

/**
 * A route content with every declared field set, each to a value no mapper would make up
 * (variant 0: never null, false or a default; variant 1 differs from variant 0 in every field).
 * Built from the declaration, so a field added there is set here too. `ids` stands in for fields a
 * test needs real (a climb the database holds).
 */
export function sampleRouteContent(
  variant: 0 | 1 = 0,
  ids: Partial<Record<string, string>> = {},
): RouteContent {
  const content: Record<string, unknown> = {};
  ROUTE_CONTENT_FIELDS.forEach(({ name, kind }, index) => {
    content[name] = ids[name] ?? SAMPLES[kind](index, name, variant);
  });
  return content as RouteContent;
}

/**
 * The two contents a snapshot may carry, each with every other field set as `sampleRouteContent`
 * sets it: a catalogue climb (`climb` null) and an unlisted one (`climbId` null). A route names
 * exactly one of them, so these are what goes through validation and the database.
 */
export function sampleValidRouteContents(
  variant: 0 | 1 = 0,
  ids: Partial<Record<string, string>> = {},
): { listed: RouteContent; unlisted: RouteContent } {
  const all = sampleRouteContent(variant, ids);
  return { listed: { ...all, climb: null }, unlisted: { ...all, climbId: null } };
}

/**
 * Declared fields `received` does not carry as `sent` had them (empty when every one arrived).
 * Values compare as JSON (an unlisted climb is an object); a field left undefined in `sent` counts
 * as lost, so a sample must set every one.
 */
export function routeFieldsLost(sent: RouteContent, received: object): string[] {
  const got = received as Record<string, unknown>;
  return ROUTE_CONTENT_FIELDS.map((f) => f.name).filter(
    (name) =>
      sent[name] === undefined || JSON.stringify(got[name] ?? null) !== JSON.stringify(sent[name]),
  );
}
