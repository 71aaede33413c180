import { randomUUID } from 'node:crypto';
import type { SessionSnapshotInput } from '@sendlog/contract';
import { DEMO_CLIMBS, DEMO_LAYOUTS } from '../demo/gym.js';

const ACTIVE_CLIMBS = DEMO_CLIMBS.filter((c) => !c.archived);
export const ARCHIVED_CLIMB = DEMO_CLIMBS.find((c) => c.archived)!;
export const LAYOUT_ID = DEMO_LAYOUTS[0]!.id;
export const climbId = (i: number) => ACTIVE_CLIMBS[i % ACTIVE_CLIMBS.length]!.id;

/** The body exactly as the seed describes it. */
export function seedBody(startTime = '2026-11-24T18:05:00.000Z') {
  return {
    startTime,
    endTime: new Date(Date.parse(startTime) + 95 * 60_000).toISOString(),
    notes: 'fingers felt good',
    routes: [{ climbId: climbId(0), isSuccess: true, attempts: 3 }],
  };
}

/** A snapshot as our client sends it: ids for the session and every route. */
export function snapshot(
  over: Partial<SessionSnapshotInput> = {},
  routeCount = 2,
): SessionSnapshotInput {
  const start = '2026-11-24T18:00:00.000Z';
  return {
    clientSessionId: randomUUID(),
    layoutId: LAYOUT_ID,
    startTime: start,
    endTime: '2026-11-24T19:30:00.000Z',
    notes: 'session notes',
    baseRevision: null,
    updatedAt: '2026-11-24T19:31:00.000Z',
    removedRouteIds: [],
    routes: Array.from({ length: routeCount }, (_, i) => ({
      clientRouteId: `route-${i}`,
      climbId: climbId(i),
      isSuccess: i % 2 === 0,
      attempts: i + 1,
      notes: null,
      rating: null,
      gradeOpinion: null,
      loggedAt: new Date(Date.parse(start) + (i + 1) * 60_000).toISOString(),
      updatedAt: new Date(Date.parse(start) + (i + 1) * 60_000).toISOString(),
    })),
    ...over,
  };
}
