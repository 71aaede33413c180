import type { ClimbResponse, ErrorBody, LayoutResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_LAYOUTS } from '../../demo/gym.js';
import { BACKENDS } from '../../testing/index.js';
import { admin, anon, made, staffOf, t, useGymsApp } from './gyms.test-kit.js';

// Walls and climbs in a server of several gyms: which gym a new wall goes into, climb dates.
describe.each(BACKENDS)('gyms on $name', (backend) => {
  useGymsApp(backend);

  it("POST /layouts: the named gym, the caller's one gym or the only one; else 400 at gymId", async () => {
    const gym = made.Boulderwerk!;
    const setter = await staffOf(gym, 'setter');
    const into = await setter.api.post<LayoutResponse>('/layouts', {
      name: 'Own',
      gradeSystem: 'V',
    });
    expect(into.body.layout.gymId).toBe(gym.id);
    const named = await setter.api.post<LayoutResponse>('/layouts', {
      name: 'Named',
      gradeSystem: 'Font',
      gymId: gym.id.toUpperCase(),
    });
    expect(named.body.layout.gymId).toBe(gym.id);
    // Staff of two gyms, or a server admin on a server of several: the wall could go anywhere.
    await admin.api.put(`/gyms/${made['Zurich Heights']!.id}/staff`, {
      email: setter.email,
      role: 'setter',
    });
    const before = await t.catalogueRows();
    for (const api of [setter.api, admin.api]) {
      const res = await api.post<ErrorBody>('/layouts', { name: 'Where?', gradeSystem: 'V' });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([
        { path: 'gymId', message: 'is required: the wall could go into more than one gym' },
      ]);
    }
    const unknown = await admin.api.post<ErrorBody>('/layouts', {
      name: 'Nowhere',
      gradeSystem: 'V',
      gymId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.body.error.details).toEqual([
      { path: 'gymId', message: 'must name an existing gym' },
    ]);
    const notAnId = await admin.api.post<ErrorBody>('/layouts', {
      name: 'x',
      gradeSystem: 'V',
      gymId: 'abc',
    });
    expect(notAnId.body.error.details).toEqual([{ path: 'gymId', message: 'must be a gym id' }]);
    expect(await t.catalogueRows()).toEqual(before);
    const byAdmin = await admin.api.post<LayoutResponse>('/layouts', {
      name: 'Admin wall',
      gradeSystem: 'V',
      gymId: gym.id,
    });
    expect(byAdmin.status).toBe(201);
  });

  it("a climb's removalPlannedAt is set on create and patch, cleared by null, checked as a date", async () => {
    const setter = await t.demoSetter();
    const wall = DEMO_LAYOUTS[0]!.id;
    const created = await setter.post<ClimbResponse>(`/layouts/${wall}/climbs`, {
      name: 'Up until',
      grade: 'V3',
      removalPlannedAt: '2027-02-28',
    });
    expect(created.body.climb.removalPlannedAt).toBe('2027-02-28');
    const id = created.body.climb.id;
    const moved = await setter.patch<ClimbResponse>(`/climbs/${id}`, {
      removalPlannedAt: '2027-03-01',
    });
    expect(moved.body.climb.removalPlannedAt).toBe('2027-03-01');
    const listed = await anon.get<{ climbs: { id: string; removalPlannedAt: string | null }[] }>(
      `/layouts/${wall}/climbs`,
    );
    expect(listed.body.climbs.find((c) => c.id === id)!.removalPlannedAt).toBe('2027-03-01');
    const cleared = await setter.patch<ClimbResponse>(`/climbs/${id}`, { removalPlannedAt: null });
    expect(cleared.body.climb.removalPlannedAt).toBeNull();
    for (const bad of ['2027-02-30', 'soon', '2027-02-28T00:00:00Z']) {
      const res = await setter.patch<ErrorBody>(`/climbs/${id}`, { removalPlannedAt: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.details!.map((d) => d.path)).toEqual(['removalPlannedAt']);
    }
  });
});
