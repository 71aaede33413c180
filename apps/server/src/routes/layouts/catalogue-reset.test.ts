import type {
  ClimbsResponse,
  ErrorBody,
  LayoutsResponse,
  ResetLayoutResponse,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../../testing/index.js';
import {
  anon,
  etagOf,
  newClimb,
  newLayout,
  setter,
  t,
  useCatalogueApp,
} from './catalogue.test-kit.js';

// POST /layouts/:id/reset: a wall's climbs replaced in one transaction, or not at all.
describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  useCatalogueApp(backend);

  it('resets a wall in one transaction: new climbs in, the others archived', async () => {
    const layout = await newLayout('V');
    const old = [
      await newClimb(layout.id, { name: 'Old one', grade: 'V1' }),
      await newClimb(layout.id, { name: 'Old two', grade: 'V2' }),
    ];
    await setter.patch(`/climbs/${old[1]!.id}`, { archived: true });
    const tags = [await etagOf('/layouts'), await etagOf(`/layouts/${layout.id}/climbs`)];
    const res = await setter.post<ResetLayoutResponse>(`/layouts/${layout.id}/reset`, {
      climbs: [
        { name: 'New one', grade: 'vb', color: '#00ff00' },
        { name: 'New two', grade: 'V10', position: { x: 0.5, y: 0.5 } },
      ],
      archiveOthers: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.archived).toBe(1);
    expect(res.body.created.map((c) => [c.name, c.grade, c.archived])).toEqual([
      ['New one', 'VB', false],
      ['New two', 'V10', false],
    ]);
    const list = await anon.get<ClimbsResponse>(`/layouts/${layout.id}/climbs`);
    expect(
      list.body.climbs
        .filter((c) => !c.archived)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['New one', 'New two']);
    expect(list.body.climbs.filter((c) => c.archived)).toHaveLength(2);
    const climbCount = async () =>
      (await anon.get<LayoutsResponse>('/layouts')).body.layouts.find((l) => l.id === layout.id)!
        .climbCount;
    expect(await climbCount(), 'climbCount counts the climbs up, not the archived').toBe(2);
    expect(
      [await etagOf('/layouts'), await etagOf(`/layouts/${layout.id}/climbs`)].every(
        (tag, i) => tag !== tags[i],
      ),
    ).toBe(true);
    // archiveOthers: false only adds.
    const add = await setter.post<ResetLayoutResponse>(`/layouts/${layout.id}/reset`, {
      climbs: [{ name: 'Extra', grade: 'V3' }],
      archiveOthers: false,
    });
    expect(add.body.archived).toBe(0);
    expect(add.body.created).toHaveLength(1);
    expect(await climbCount()).toBe(3);
    await setter.patch(`/climbs/${add.body.created[0]!.id}`, { archived: true });
    expect(await climbCount(), 'archiving a climb lowers climbCount').toBe(2);
    const tooMany = await setter.post<ErrorBody>(`/layouts/${layout.id}/reset`, {
      climbs: Array.from({ length: 501 }, (_, i) => ({ name: `c${i}`, grade: 'V1' })),
      archiveOthers: true,
    });
    expect(tooMany.body.error.details![0]!.path).toBe('climbs');
  });

  it('a reset the database refuses half way leaves the wall exactly as it was', async () => {
    const layout = await newLayout('V');
    await newClimb(layout.id, { name: 'Stays up', grade: 'V2' });
    // A trigger refuses one climb late in the list: after the archive ran and the other rows
    // went in, inside the same transaction.
    await t.db.execute(sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.name = 'boom' then raise exception 'refused on purpose'; end if;
        return new;
      end $$`);
    await t.db.execute(sql`create trigger refuse_boom before insert on climbs
      for each row execute function refuse_boom()`);
    try {
      const before = await t.catalogueRows();
      const tags = [await etagOf('/layouts'), await etagOf(`/layouts/${layout.id}/climbs`)];
      const res = await setter.post<ErrorBody>(`/layouts/${layout.id}/reset`, {
        climbs: [
          ...Array.from({ length: 30 }, (_, i) => ({ name: `fine ${i}`, grade: 'V1' })),
          { name: 'boom', grade: 'V1' },
        ],
        archiveOthers: true,
      });
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({
        code: 'internal',
        message: 'something went wrong on the server',
      });
      expect(await t.catalogueRows()).toEqual(before);
      expect([await etagOf('/layouts'), await etagOf(`/layouts/${layout.id}/climbs`)]).toEqual(
        tags,
      );
      const list = await anon.get<ClimbsResponse>(`/layouts/${layout.id}/climbs`);
      expect(list.body.climbs.map((c) => [c.name, c.archived])).toEqual([['Stays up', false]]);
    } finally {
      await t.db.execute(sql`drop trigger refuse_boom on climbs`);
      await t.db.execute(sql`drop function refuse_boom()`);
    }
  });
});
