import type { SessionSnapshotInput, UnlistedClimb } from '@sendlog/contract';
import fc from 'fast-check';

/** Few distinct times, so equal `updatedAt` ties (decided by JSON text) happen often. */
const TIMES = ['2026-11-24T19:00:00.000Z', '2026-11-24T19:30:00.000Z', '2026-11-24T20:00:00.000Z'];
const START = '2026-11-24T18:00:00.000Z';
const BASE_ROUTES = ['r0', 'r1', 'r2'];

type RouteEdit =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | {
      kind: 'edit';
      attempts: number;
      isSuccess: boolean;
      updatedAt: string;
      /** The climber rewrote the route as a climb not on the wall. */
      unlisted: boolean;
    };

export interface Edit {
  baseRevision: number | null;
  notes: string | null;
  endTime: string | null;
  /** A session elsewhere: a place and no wall (null: at the base's wall). */
  place: string | null;
  updatedAt: string;
  baseRoutes: RouteEdit[];
  added: { id: string; climb: number; attempts: number; updatedAt: string }[];
  /** The device deleted the session (its copy is sent whole: the server must drop it). */
  deleted?: boolean;
}

const routeEdit: fc.Arbitrary<RouteEdit> = fc.oneof(
  fc.constant({ kind: 'keep' as const }),
  fc.constant({ kind: 'remove' as const }),
  fc.record({
    kind: fc.constant('edit' as const),
    attempts: fc.integer({ min: 1, max: 3 }),
    isSuccess: fc.boolean(),
    updatedAt: fc.constantFrom(...TIMES),
    unlisted: fc.boolean(),
  }),
);

/**
 * Climbs an added route may log: catalogue climbs 0–5, then unlisted ones (6 on; two differ only
 * in kind, so their JSON text decides ties the same way everywhere).
 */
const UNLISTED: readonly UnlistedClimb[] = [
  { name: 'Crack of Dawn', grade: '5.10a', kind: 'route' },
  { name: 'Crack of Dawn', grade: '5.10a', kind: 'boulder' },
  { name: 'Roof', grade: 'V3', kind: 'boulder' },
];

/** One device's edit of the base session, as our client would send it. */
export const editArb: fc.Arbitrary<Edit> = fc.record({
  // 1 = edited the current revision (fast-forward when it arrives first); others are stale.
  baseRevision: fc.constantFrom(null, 1, 5),
  notes: fc.constantFrom('a', 'b', null),
  endTime: fc.constantFrom(null, '2026-11-24T21:00:00.000Z'),
  place: fc.constantFrom(null, null, 'Fontainebleau', 'Smith Rock'),
  updatedAt: fc.constantFrom(...TIMES),
  baseRoutes: fc.tuple(routeEdit, routeEdit, routeEdit),
  added: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('n1', 'n2', 'n3'),
      climb: fc.integer({ min: 0, max: 5 + UNLISTED.length }),
      attempts: fc.integer({ min: 1, max: 3 }),
      updatedAt: fc.constantFrom(...TIMES),
    }),
    { selector: (r) => r.id, maxLength: 2 },
  ),
});

/** Edits of which some delete the session (about one in four). */
export const editOrDeleteArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: editArb },
  { weight: 1, arbitrary: editArb.map((e) => ({ ...e, deleted: true })) },
);

/** The catalogue the snapshots point at: the server's tests need climbs and a layout it holds. */
export interface EditCatalogue {
  climbId(i: number): string;
  layoutId: string;
}

const baseRoute = (c: EditCatalogue, i: number) => ({
  clientRouteId: BASE_ROUTES[i]!,
  climbId: c.climbId(i),
  isSuccess: false,
  attempts: 1,
  loggedAt: new Date(Date.parse(START) + (i + 1) * 60_000).toISOString(),
  updatedAt: '2026-11-24T18:50:00.000Z',
});

export function baseSnapshot(
  c: EditCatalogue,
  clientSessionId: string,
  updatedAt: string,
): SessionSnapshotInput {
  return {
    clientSessionId,
    layoutId: c.layoutId,
    startTime: START,
    endTime: null,
    notes: 'base',
    updatedAt,
    routes: BASE_ROUTES.map((_, i) => baseRoute(c, i)),
  };
}
export const baseUpdatedAtArb = fc.constantFrom('2026-11-24T18:50:00.000Z', ...TIMES);

export function editSnapshot(
  c: EditCatalogue,
  clientSessionId: string,
  e: Edit,
): SessionSnapshotInput {
  const routes = e.baseRoutes.flatMap((edit, i): SessionSnapshotInput['routes'] => {
    if (edit.kind === 'remove') return [];
    if (edit.kind === 'keep') return [baseRoute(c, i)];
    return [
      {
        ...baseRoute(c, i),
        attempts: edit.attempts,
        isSuccess: edit.isSuccess,
        updatedAt: edit.updatedAt,
        ...(edit.unlisted
          ? { climbId: null, climb: { name: `Base ${i}`, grade: '6b', kind: 'route' as const } }
          : {}),
      },
    ];
  });
  return {
    clientSessionId,
    ...(e.place !== null ? { layoutId: null, place: e.place } : { layoutId: c.layoutId }),
    startTime: START,
    endTime: e.endTime,
    notes: e.notes,
    baseRevision: e.baseRevision,
    updatedAt: e.updatedAt,
    removedRouteIds: e.baseRoutes.flatMap((edit, i) =>
      edit.kind === 'remove' ? [BASE_ROUTES[i]!] : [],
    ),
    ...(e.deleted ? { deleted: true } : {}),
    routes: [
      ...routes,
      ...e.added.map((a) => ({
        clientRouteId: a.id,
        ...(a.climb > 5
          ? { climbId: null, climb: UNLISTED[a.climb - 6] }
          : { climbId: c.climbId(a.climb) }),
        isSuccess: true,
        attempts: a.attempts,
        loggedAt: '2026-11-24T18:30:00.000Z',
        updatedAt: a.updatedAt,
      })),
    ],
  };
}
