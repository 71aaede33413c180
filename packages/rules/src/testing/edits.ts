import type { SessionSnapshotInput } from '@sendlog/contract';
import fc from 'fast-check';

/** Few distinct times, so equal `updatedAt` ties (decided by JSON text) happen often. */
const TIMES = ['2026-11-24T19:00:00.000Z', '2026-11-24T19:30:00.000Z', '2026-11-24T20:00:00.000Z'];
const START = '2026-11-24T18:00:00.000Z';
const BASE_ROUTES = ['r0', 'r1', 'r2'];

type RouteEdit =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'edit'; attempts: number; isSuccess: boolean; updatedAt: string };

export interface Edit {
  baseRevision: number | null;
  notes: string | null;
  endTime: string | null;
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
  }),
);

/** One device's edit of the base session, as our client would send it. */
export const editArb: fc.Arbitrary<Edit> = fc.record({
  // 1 = edited the current revision (fast-forward when it arrives first); others are stale.
  baseRevision: fc.constantFrom(null, 1, 5),
  notes: fc.constantFrom('a', 'b', null),
  endTime: fc.constantFrom(null, '2026-11-24T21:00:00.000Z'),
  updatedAt: fc.constantFrom(...TIMES),
  baseRoutes: fc.tuple(routeEdit, routeEdit, routeEdit),
  added: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('n1', 'n2', 'n3'),
      climb: fc.integer({ min: 0, max: 5 }),
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
  const routes = e.baseRoutes.flatMap((edit, i) => {
    if (edit.kind === 'remove') return [];
    if (edit.kind === 'keep') return [baseRoute(c, i)];
    return [
      {
        ...baseRoute(c, i),
        attempts: edit.attempts,
        isSuccess: edit.isSuccess,
        updatedAt: edit.updatedAt,
      },
    ];
  });
  return {
    clientSessionId,
    layoutId: c.layoutId,
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
        climbId: c.climbId(a.climb),
        isSuccess: true,
        attempts: a.attempts,
        loggedAt: '2026-11-24T18:30:00.000Z',
        updatedAt: a.updatedAt,
      })),
    ],
  };
}
