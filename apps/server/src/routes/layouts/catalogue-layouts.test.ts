import type { ErrorBody, LayoutResponse, LayoutsResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { DEMO_GYM } from '../../demo/gym.js';
import { BACKENDS } from '../../testing/index.js';
import {
  anon,
  etagOf,
  MAIN_WALL,
  newClimb,
  newLayout,
  PNG,
  setter,
  UNKNOWN,
  useCatalogueApp,
} from './catalogue.test-kit.js';

// Layouts made and edited by a setter, and the ETag of GET /layouts following every change.
describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  useCatalogueApp(backend);

  it('creates and edits a layout; GET /layouts changes its ETag with every change', async () => {
    const tag0 = await etagOf('/layouts');
    expect((await anon.get('/layouts', { 'if-none-match': tag0 })).status, 'unchanged → 304').toBe(
      304,
    );
    const layout = await newLayout('Font', 'The Slab');
    expect(layout).toEqual({
      id: expect.any(String),
      // The demo setter's one gym: the wall goes there.
      gymId: DEMO_GYM.id,
      name: 'The Slab',
      description: '',
      gradeSystem: 'Font',
      archived: false,
      climbCount: 0,
      image: null,
    });
    const tag1 = await etagOf('/layouts');
    expect(tag1).not.toBe(tag0);
    expect((await anon.get('/layouts', { 'if-none-match': tag0 })).status).toBe(200);

    const renamed = await setter.patch<LayoutResponse>(`/layouts/${layout.id}`, {
      name: 'The Big Slab',
      description: 'left of the door',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.layout).toMatchObject({
      name: 'The Big Slab',
      description: 'left of the door',
    });
    const tag2 = await etagOf('/layouts');
    expect(tag2).not.toBe(tag1);

    await newClimb(layout.id, { name: 'First', grade: '6a+' });
    const tag3 = await etagOf('/layouts');
    expect(tag3, 'a new climb changes climbCount').not.toBe(tag2);

    const archived = await setter.patch<LayoutResponse>(`/layouts/${layout.id}`, {
      archived: true,
    });
    expect(archived.body.layout.archived).toBe(true);
    const tag4 = await etagOf('/layouts');
    expect(tag4).not.toBe(tag3);
    // Archived layouts stay listed, flagged: sessions logged on them still name them.
    const list = await anon.get<LayoutsResponse>('/layouts');
    expect(list.body.layouts.find((l) => l.id === layout.id)).toMatchObject({ archived: true });

    // An empty PATCH changes nothing, not even the tag.
    expect((await setter.patch(`/layouts/${layout.id}`, {})).status).toBe(200);
    expect(await etagOf('/layouts')).toBe(tag4);
  });

  it('refuses malformed layout bodies at their field, and unknown layouts with 404', async () => {
    const bad = await setter.post<ErrorBody>('/layouts', { name: '', gradeSystem: 'YDS', x: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details!.map((d) => d.path).sort()).toEqual(['gradeSystem', 'name', 'x']);
    const system = await setter.patch<ErrorBody>(`/layouts/${MAIN_WALL}`, { gradeSystem: 'Font' });
    expect(system.body.error.details).toEqual([
      { path: 'gradeSystem', message: 'is not a known field' },
    ]);
    for (const res of [
      await setter.patch(`/layouts/${UNKNOWN}`, { name: 'x' }),
      await setter.post(`/layouts/${UNKNOWN}/climbs`, { name: 'x', grade: 'V1' }),
      await setter.post(`/layouts/${UNKNOWN}/reset`, { climbs: [], archiveOthers: true }),
      await setter.putBytes(`/layouts/${UNKNOWN}/image`, PNG, 'image/png'),
      await setter.patch(`/climbs/${UNKNOWN}`, { name: 'x' }),
      await setter.patch('/climbs/not-an-id', { name: 'x' }),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
  });
});
