import { randomUUID } from 'node:crypto';
import type { ClimbResponse, ClimbsResponse, LayoutResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../testing/app-with-database.js';
import { drainCommunityOutbox } from './community-fold.js';
import { client } from '../testing/client.js';

interface Try {
  climbId: string;
  isSuccess: boolean;
  rating?: number | null;
  gradeOpinion?: string | null;
}

describe.each(BACKENDS)('the community view of climbs on $name', (backend) => {
  let t: AppWithDatabase;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  const wall = async (gradeSystem: 'V' | 'Font', grades: string[]) => {
    const setter = await t.demoSetter();
    const layout = (
      await setter.post<LayoutResponse>('/layouts', {
        name: `Community ${gradeSystem}`,
        gradeSystem,
      })
    ).body.layout;
    const ids: string[] = [];
    for (const grade of grades) {
      const res = await setter.post<ClimbResponse>(`/layouts/${layout.id}/climbs`, {
        name: `climb ${grade} ${ids.length}`,
        grade,
      });
      ids.push(res.body.climb.id);
    }
    return { layoutId: layout.id, ids };
  };

  /** One session of `tries`, `day` days into the month (later days are later opinions). */
  const log = async (
    api: ReturnType<typeof client>,
    day: number,
    tries: Try[],
    over: Record<string, unknown> = {},
  ) => {
    const start = `2026-11-${String(day).padStart(2, '0')}T18:00:00.000Z`;
    const res = await api.post<{ sessionId: string }>('/sessions/offline', {
      clientSessionId: randomUUID(),
      startTime: start,
      endTime: `2026-11-${String(day).padStart(2, '0')}T20:00:00.000Z`,
      routes: tries.map((r, i) => ({
        clientRouteId: `r${i}`,
        attempts: 1,
        loggedAt: `2026-11-${String(day).padStart(2, '0')}T18:${String(10 + i).padStart(2, '0')}:00.000Z`,
        ...r,
      })),
      ...over,
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body.sessionId;
  };

  const community = async (layoutId: string) => {
    // The view as read once the fold has caught up (it runs off the request path).
    await drainCommunityOutbox(t.db);
    const res = await client(t.app).get<ClimbsResponse>(`/layouts/${layoutId}/climbs`);
    return new Map(res.body.climbs.map((c) => [c.id, c.community]));
  };

  it('is empty until someone logs a climb', async () => {
    const { layoutId, ids } = await wall('V', ['V1']);
    expect((await community(layoutId)).get(ids[0]!)).toEqual({
      grade: null,
      rating: null,
      sends: 0,
      climbers: 0,
    });
  });

  it("counts every send, each climber once, and each climber's latest grade and stars", async () => {
    const { layoutId, ids } = await wall('V', ['V4', 'V4']);
    const [a, b] = ids as [string, string];
    const c1 = (await t.signedIn('climber')).api;
    const c2 = (await t.signedIn('climber')).api;
    const c3 = (await t.signedIn('climber')).api;
    const c4 = (await t.signedIn('climber')).api;
    // c1 changes their mind: their later opinion (V3, 2 stars) is the one that counts.
    await log(c1, 10, [{ climbId: a, isSuccess: true, rating: 4, gradeOpinion: 'V5' }]);
    await log(c1, 12, [{ climbId: a, isSuccess: true, rating: 2, gradeOpinion: ' v3' }]);
    // Not a grade: counts as a climber and for the stars, not for the grade.
    await log(c2, 11, [{ climbId: a, isSuccess: false, rating: 5, gradeOpinion: 'soft' }]);
    // A Font grade on a V wall is not a grade of its system.
    await log(c3, 11, [{ climbId: a, isSuccess: true, gradeOpinion: '6A' }]);
    await log(c4, 11, [
      { climbId: a, isSuccess: false, gradeOpinion: 'V6' },
      { climbId: a, isSuccess: true, gradeOpinion: 'V6' },
    ]);
    const view = await community(layoutId);
    expect(view.get(a)).toEqual({
      // V3 and V6: the lower median of an even count (grades are ranks, not numbers).
      grade: 'V3',
      rating: 3.5,
      sends: 4,
      climbers: 4,
    });
    expect(view.get(b)).toEqual({ grade: null, rating: null, sends: 0, climbers: 0 });

    // Only the latest revision of a session counts: a route removed is no longer counted.
    const c5 = (await t.signedIn('climber')).api;
    const clientSessionId = randomUUID();
    await log(c5, 13, [{ climbId: b, isSuccess: true, rating: 1, gradeOpinion: 'V9' }], {
      clientSessionId,
    });
    expect((await community(layoutId)).get(b)).toEqual({
      grade: 'V9',
      rating: 1,
      sends: 1,
      climbers: 1,
    });
    await log(c5, 13, [], {
      clientSessionId,
      baseRevision: 1,
      updatedAt: '2026-11-13T21:00:00.000Z',
      removedRouteIds: ['r0'],
    });
    expect((await community(layoutId)).get(b)).toEqual({
      grade: null,
      rating: null,
      sends: 0,
      climbers: 0,
    });
  });

  it("reads opinions in the layout's own system: Font grades on a Font wall", async () => {
    const { layoutId, ids } = await wall('Font', ['6B']);
    const id = ids[0]!;
    for (const opinion of ['6a+', '6B', '6C', 'V4']) {
      await log((await t.signedIn('climber')).api, 15, [
        { climbId: id, isSuccess: true, gradeOpinion: opinion },
      ]);
    }
    // 6A+, 6B, 6C (V4 is not a Font grade): the median is 6B.
    expect((await community(layoutId)).get(id)).toMatchObject({
      grade: '6B',
      climbers: 4,
      sends: 4,
    });
  });
});
