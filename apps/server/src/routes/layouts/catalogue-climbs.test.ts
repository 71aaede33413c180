import type { ClimbResponse, ErrorBody, OfflineResponse, Session } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import { etagOf, newClimb, newLayout, setter, t, useCatalogueApp } from './catalogue.test-kit.js';

// Climbs made and edited by a setter: grades in the wall's system, logged routes left alone.
describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  useCatalogueApp(backend);

  it("a climb's grade must belong to its layout's system, stored in canonical spelling", async () => {
    const v = await newLayout('V');
    const font = await newLayout('Font');
    const climb = await newClimb(v.id, {
      name: 'Blue crimps',
      grade: ' v4 ',
      color: '#1E88E5',
      position: { x: 0.25, y: 0.5 },
      setter: 'Ana',
      setAt: '2026-11-20T10:00:00.000+01:00',
    });
    expect(climb).toEqual({
      id: expect.any(String),
      layoutId: v.id,
      name: 'Blue crimps',
      grade: 'V4',
      color: '#1e88e5',
      position: { x: 0.25, y: 0.5 },
      setter: 'Ana',
      setAt: '2026-11-20T09:00:00.000Z',
      removalPlannedAt: null,
      archived: false,
      community: { grade: null, rating: null, sends: 0, climbers: 0 },
    });
    expect((await newClimb(font.id, { name: 'Slopey', grade: '6b+' })).grade).toBe('6B+');
    expect((await newClimb(font.id, { name: 'Easy', grade: '4+' })).grade).toBe('4+');
    const before = await t.catalogueRows();
    for (const [layout, grade] of [
      [v, '6A'],
      [v, 'V18'],
      [v, '5.12a'],
      [font, 'V4'],
      [font, '6D'],
      [font, '9B'],
    ] as const) {
      const res = await setter.post<ErrorBody>(`/layouts/${layout.id}/climbs`, {
        name: 'Wrong',
        grade,
      });
      expect(res.status, `${layout.gradeSystem} ${grade}`).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([
        {
          path: 'grade',
          message: expect.stringContaining(`must be a ${layout.gradeSystem} grade`),
        },
      ]);
    }
    const regrade = await setter.patch<ErrorBody>(`/climbs/${climb.id}`, { grade: '7A' });
    expect(regrade.body.error.details).toEqual([
      { path: 'grade', message: expect.stringContaining('must be a V grade') },
    ]);
    const reset = await setter.post<ErrorBody>(`/layouts/${font.id}/reset`, {
      climbs: [
        { name: 'ok', grade: '7A' },
        { name: 'wrong', grade: 'V7' },
      ],
      archiveOthers: true,
    });
    expect(reset.body.error.details).toEqual([
      { path: 'climbs.1.grade', message: expect.stringContaining('must be a Font grade') },
    ]);
    expect(await t.catalogueRows()).toEqual(before);
  });

  it("edits a climb; a regrade never rewrites a logged route's grade", async () => {
    const layout = await newLayout('V');
    const climb = await newClimb(layout.id, { name: 'Sandbag', grade: 'V3', color: '#ff0000' });
    const { api: climber } = await t.signedIn('climber');
    const logged = await climber.post<OfflineResponse>('/sessions/offline', {
      clientSessionId: 'regrade-1',
      layoutId: layout.id,
      startTime: '2026-11-24T18:00:00.000Z',
      endTime: '2026-11-24T19:00:00.000Z',
      routes: [{ clientRouteId: 'a', climbId: climb.id, isSuccess: true, attempts: 2 }],
    });
    expect(logged.status).toBe(201);
    const listTag = await etagOf(`/layouts/${layout.id}/climbs`);

    const edited = await setter.patch<ClimbResponse>(`/climbs/${climb.id}`, {
      grade: 'v5',
      name: 'Sandbag no more',
      color: null,
      position: { x: 1, y: 0 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.climb).toMatchObject({
      grade: 'V5',
      name: 'Sandbag no more',
      color: null,
      position: { x: 1, y: 0 },
      archived: false,
    });
    expect(await etagOf(`/layouts/${layout.id}/climbs`)).not.toBe(listTag);
    const session = await climber.get<{ session: Session }>(`/sessions/${logged.body.sessionId}`);
    expect(session.body.session.routes[0]).toMatchObject({ climbId: climb.id, grade: 'V3' });
    // Syncing the same session again (an edit of it) keeps the grade it was logged at too.
    const edit = await climber.post<OfflineResponse>('/sessions/offline', {
      clientSessionId: 'regrade-1',
      layoutId: layout.id,
      baseRevision: 1,
      startTime: '2026-11-24T18:00:00.000Z',
      endTime: '2026-11-24T19:00:00.000Z',
      updatedAt: '2026-11-24T19:05:00.000Z',
      routes: [{ clientRouteId: 'a', climbId: climb.id, isSuccess: true, attempts: 3 }],
    });
    expect(edit.status).toBe(200);
    const again = await climber.get<{ session: Session }>(`/sessions/${logged.body.sessionId}`);
    expect(again.body.session.routes[0]).toMatchObject({ attempts: 3, grade: 'V3' });

    const tag = await etagOf(`/layouts/${layout.id}/climbs`);
    const archived = await setter.patch<ClimbResponse>(`/climbs/${climb.id}`, { archived: true });
    expect(archived.body.climb.archived).toBe(true);
    expect(await etagOf(`/layouts/${layout.id}/climbs`)).not.toBe(tag);
  });
});
