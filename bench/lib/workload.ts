import { randomUUID } from 'node:crypto';
import type { SessionSnapshotInput } from '@sendlog/contract';
import type { Catalogue } from './api-client.js';

const GRADE_OPINIONS = ['V3', 'V4', 'soft', 'hard', null] as const;
const HOUR = 3_600_000;

/**
 * Fresh snapshots as our client sends them (every id new, every optional field present), so no
 * measurement ever meets data that an earlier one wrote. Sessions lie in the past month, two
 * hours apart, each with `routes` routes logged a few minutes apart.
 */
export function freshSnapshots(
  catalogue: Catalogue,
  sessions: number,
  routes: number,
): SessionSnapshotInput[] {
  const firstStart = Date.now() - 30 * 24 * HOUR;
  return Array.from({ length: sessions }, (_, s) => {
    const start = firstStart + s * 2 * HOUR + Math.floor(Math.random() * 60_000);
    const end = start + 90 * 60_000;
    return {
      clientSessionId: randomUUID(),
      layoutId: catalogue.layoutId,
      startTime: new Date(start).toISOString(),
      endTime: new Date(end).toISOString(),
      notes: s % 3 === 0 ? 'fingers felt good, projected the crux' : null,
      baseRevision: null,
      updatedAt: new Date(end + 60_000).toISOString(),
      removedRouteIds: [],
      routes: Array.from({ length: routes }, (_, r) => {
        const loggedAt = new Date(start + (r + 1) * 4 * 60_000).toISOString();
        return {
          clientRouteId: randomUUID(),
          climbId: catalogue.climbs[(s * 7 + r) % catalogue.climbs.length]!.id,
          isSuccess: r % 3 !== 2,
          attempts: 1 + ((s + r) % 6),
          notes: r % 4 === 0 ? 'heel hook on the crux' : null,
          rating: r % 2 === 0 ? 1 + (r % 5) : null,
          gradeOpinion: GRADE_OPINIONS[r % GRADE_OPINIONS.length]!,
          loggedAt,
          updatedAt: loggedAt,
        };
      }),
    };
  });
}
