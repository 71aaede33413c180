import type { ClimbResponse, ErrorBody, LayoutResponse, StatsResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_GYM } from '../../demo/gym.js';
import { BACKENDS } from '../../testing/index.js';
import { climbId } from '../../testing/fixtures.js';
import { ingest } from '../../testing/logbook-history.js';
import { admin, made, t, useGymsApp } from './gyms.test-kit.js';

// GET /stats narrowed to one gym.
describe.each(BACKENDS)('gyms on $name', (backend) => {
  useGymsApp(backend);

  it("GET /stats?gymId= counts the sessions at that gym's walls only", async () => {
    const gym = made.Boulderwerk!;
    const wall = await admin.api.post<LayoutResponse>(`/gyms/${gym.id}/layouts`, {
      name: 'Stats wall',
    });
    const climb = await admin.api.post<ClimbResponse>(`/layouts/${wall.body.layout.id}/climbs`, {
      name: 'Far away',
      grade: 'V8',
    });
    const climber = await t.signedIn('climber');
    await ingest(climber.api, [
      { start: '2026-11-02T18:00:00Z', tries: [{ climbId: climbId(0), sent: true }] },
      {
        start: '2026-11-03T18:00:00Z',
        tries: [{ climbId: climbId(1) }, { climbId: climbId(2), sent: true }],
      },
      {
        start: '2026-11-04T18:00:00Z',
        layoutId: wall.body.layout.id,
        tries: [{ climbId: climb.body.climb.id, sent: true, attempts: 3 }],
      },
    ]);
    const period = 'from=2026-11-01T00%3A00%3A00Z&to=2026-11-08T00%3A00%3A00Z';
    const all = await climber.api.get<StatsResponse>(`/stats?${period}`);
    const demo = await climber.api.get<StatsResponse>(`/stats?${period}&gymId=${DEMO_GYM.id}`);
    const theirs = await climber.api.get<StatsResponse>(`/stats?${period}&gymId=${gym.id}`);
    expect([all.body.sessions, demo.body.sessions, theirs.body.sessions]).toEqual([3, 2, 1]);
    expect([all.body.tries, demo.body.tries, theirs.body.tries]).toEqual([4, 3, 1]);
    expect(theirs.body.hardestSend).toMatchObject({ grade: 'V8', climbName: 'Far away' });
    expect(demo.body.hardestSend?.grade).not.toBe('V8');
    const unknown = await climber.api.get<ErrorBody>(
      `/stats?${period}&gymId=00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.body.error.details!.map((d) => d.path)).toEqual(['gymId']);
  });
});
