import { readFileSync } from 'node:fs';
import type {
  ClimbResponse,
  ClimbsResponse,
  ErrorBody,
  LayoutResponse,
  LayoutsResponse,
  OfflineResponse,
  ResetLayoutResponse,
  Session,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepPictures } from '../../catalogue/picture-retirement.js';
import { queryRows } from '../../db/sql.js';
import { DEMO_GYM, DEMO_LAYOUTS } from '../../demo/gym.js';
import { EMPTY_PNG, HUGE_PNG } from '../../testing/pictures.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';

const picture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../catalogue/test-pictures/${name}`, import.meta.url)));
const JPEG = picture('tiny.jpg');
const PNG = picture('tiny.png');
const WEBP = picture('tiny.webp');
const TRUNCATED_JPEG = picture('truncated.jpg');
const NOT_A_PICTURE = picture('not-a-picture.jpg');
const MAIN_WALL = DEMO_LAYOUTS[0]!.id;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Api = ReturnType<typeof client>;

describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  let t: AppWithDatabase;
  let setter: Api;
  let anon: Api;
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    setter = await t.demoSetter();
    anon = client(t.app);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());

  const etagOf = async (url: string) => (await anon.get(url)).headers.etag as string;
  const newLayout = async (gradeSystem: 'V' | 'Font', name = `Wall ${gradeSystem}`) => {
    const res = await setter.post<LayoutResponse>('/layouts', { name, gradeSystem });
    expect(res.status).toBe(201);
    return res.body.layout;
  };
  const newClimb = async (layoutId: string, body: Record<string, unknown>) => {
    const res = await setter.post<ClimbResponse>(`/layouts/${layoutId}/climbs`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.climb;
  };

  it('a climber (and an anonymous caller) can manage nothing: 403 / 401, nothing written', async () => {
    const { api: climber } = await t.signedIn('climber');
    const climbs = await anon.get<ClimbsResponse>(`/layouts/${MAIN_WALL}/climbs`);
    const climbId = climbs.body.climbs[0]!.id;
    const before = await t.catalogueRows();
    const tags = [await etagOf('/layouts'), await etagOf(`/layouts/${MAIN_WALL}/climbs`)];
    const calls: [string, (api: Api) => Promise<{ status: number; body: unknown }>][] = [
      ['POST /layouts', (api) => api.post('/layouts', { name: 'Mine', gradeSystem: 'V' })],
      ['PATCH /layouts/:id', (api) => api.patch(`/layouts/${MAIN_WALL}`, { archived: true })],
      [
        'PUT /layouts/:id/image',
        (api) => api.putBytes(`/layouts/${MAIN_WALL}/image`, PNG, 'image/png'),
      ],
      [
        'POST /layouts/:id/climbs',
        (api) => api.post(`/layouts/${MAIN_WALL}/climbs`, { name: 'Mine', grade: 'V3' }),
      ],
      ['PATCH /climbs/:id', (api) => api.patch(`/climbs/${climbId}`, { grade: 'V9' })],
      [
        'POST /layouts/:id/reset',
        (api) =>
          api.post(`/layouts/${MAIN_WALL}/reset`, {
            climbs: [{ name: 'Mine', grade: 'V1' }],
            archiveOthers: true,
          }),
      ],
      ['PUT /users/role', (api) => api.put('/users/role', { email: 'x@y.z', role: 'admin' })],
      // Even a malformed body or an unknown id: the role is checked first.
      ['POST /layouts (bad body)', (api) => api.post('/layouts', { nope: 1 })],
      ['PATCH /climbs/:id (unknown)', (api) => api.patch(`/climbs/${UNKNOWN}`, { name: 'x' })],
    ];
    for (const [what, call] of calls) {
      const asClimber = await call(climber);
      expect(asClimber.status, what).toBe(403);
      expect((asClimber.body as ErrorBody).error.code, what).toBe('forbidden');
      const asAnon = await call(anon);
      expect(asAnon.status, what).toBe(401);
      expect((asAnon.body as ErrorBody).error.code, what).toBe('unauthorized');
    }
    // A setter is no admin either.
    const asSetter = await setter.put<ErrorBody>('/users/role', { email: 'x@y.z', role: 'admin' });
    expect(asSetter).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await t.catalogueRows()).toEqual(before);
    expect([await etagOf('/layouts'), await etagOf(`/layouts/${MAIN_WALL}/climbs`)]).toEqual(tags);
  });

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

  it('takes a JPEG, PNG or WebP as the wall picture and serves it cacheable for good', async () => {
    const layout = await newLayout('V');
    const tag = await etagOf('/layouts');
    const urls: string[] = [];
    for (const [type, bytes] of [
      ['image/jpeg', JPEG],
      ['image/png', PNG],
      ['image/webp', WEBP],
    ] as const) {
      const res = await setter.putBytes<LayoutResponse>(`/layouts/${layout.id}/image`, bytes, type);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const image = res.body.layout.image!;
      expect(image).toMatchObject({ width: 64, height: 40 });
      urls.push(image.url);
      const served = await t.app.inject({ method: 'GET', url: image.url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(new Uint8Array(served.rawPayload)).toEqual(bytes);
      const etag = served.headers.etag as string;
      expect(image.url).toContain(etag.slice(1, -1));
      const again = await t.app.inject({
        method: 'GET',
        url: image.url,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    expect(new Set(urls).size, 'a new picture, a new url').toBe(3);
    expect(await etagOf('/layouts')).not.toBe(tag);
    const listed = await anon.get<LayoutsResponse>('/layouts');
    expect(listed.body.layouts.find((l) => l.id === layout.id)!.image!.url).toBe(urls[2]);
    // The same picture again: the same url, stored once.
    const rows = await t.catalogueRows();
    const same = await setter.putBytes<LayoutResponse>(
      `/layouts/${layout.id}/image`,
      WEBP,
      'image/webp',
    );
    expect(same.body.layout.image!.url).toBe(urls[2]);
    expect(await t.catalogueRows()).toEqual(rows);
    const missing = await anon.get(`/wall-pictures/${'A'.repeat(43)}`);
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect((await anon.get('/wall-pictures/nope')).status).toBe(404);
  });

  it('refuses what is not a whole picture of its type, writing nothing', async () => {
    const url = `/layouts/${MAIN_WALL}/image`;
    const before = await t.catalogueRows();
    const tag = await etagOf('/layouts');
    const nineMiB = new Uint8Array(9 * 1024 * 1024);
    nineMiB.set(JPEG);
    const cases: [string, Uint8Array, string | undefined, number, string][] = [
      ['a PNG sent as image/jpeg', PNG, 'image/jpeg', 400, 'invalid_image'],
      ['a truncated JPEG', TRUNCATED_JPEG, 'image/jpeg', 400, 'invalid_image'],
      ['a non-image', NOT_A_PICTURE, 'image/jpeg', 400, 'invalid_image'],
      ['a PNG with no image data', EMPTY_PNG, 'image/png', 400, 'invalid_image'],
      ['a PNG of 20,000 × 20,000', HUGE_PNG, 'image/png', 400, 'invalid_image'],
      ['an empty body', new Uint8Array(0), 'image/png', 400, 'invalid_image'],
      ['9 MiB', nineMiB, 'image/jpeg', 413, 'payload_too_large'],
      ['a GIF type', JPEG, 'image/gif', 415, 'unsupported_media_type'],
      [
        'JSON',
        new TextEncoder().encode('{"a":1}'),
        'application/json',
        415,
        'unsupported_media_type',
      ],
      ['no type', JPEG, undefined, 415, 'unsupported_media_type'],
    ];
    for (const [what, bytes, type, status, code] of cases) {
      const res = await setter.putBytes<ErrorBody>(url, bytes, type);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.code, what).toBe(code);
    }
    const big = await setter.putBytes<ErrorBody>(url, nineMiB, 'image/jpeg');
    expect(big.body.error.message).toBe('the request body is larger than 8 MiB');
    expect(await t.catalogueRows()).toEqual(before);
    expect(await etagOf('/layouts')).toBe(tag);
    // Elsewhere a picture is still not a body the server reads.
    const elsewhere = await setter.putBytes(`/layouts/${MAIN_WALL}/climbs`, JPEG, 'image/jpeg');
    expect(elsewhere.status).toBe(404);
    const post = await t.app.inject({
      method: 'POST',
      url: '/layouts',
      headers: { 'content-type': 'image/png', authorization: 'Bearer x' },
      payload: Buffer.from(PNG),
    });
    expect(post.statusCode).toBe(415);
  });

  it('keeps a picture no layout shows 30 days for phones with the old catalogue, then deletes it', async () => {
    const [wall, other] = [await newLayout('V', 'Retiring'), await newLayout('V', 'Sharing')];
    const upload = async (layoutId: string, bytes: Uint8Array, type: string) => {
      const res = await setter.putBytes<LayoutResponse>(`/layouts/${layoutId}/image`, bytes, type);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.layout.image!.url;
    };
    const sha = (url: string) => url.split('/').pop()!;
    const mark = async (url: string) => {
      const [row] = await queryRows<{ unused: boolean }>(
        t.db,
        sql`select unused_since is not null as unused from wall_images where sha256 = ${sha(url)}`,
      );
      return row?.unused;
    };
    const served = async (url: string) => (await t.app.inject({ method: 'GET', url })).statusCode;

    const jpeg = await upload(wall.id, JPEG, 'image/jpeg');
    const webp = await upload(other.id, WEBP, 'image/webp');
    await upload(wall.id, WEBP, 'image/webp'); // the JPEG replaced; the WebP shown twice
    expect(await mark(jpeg)).toBe(true);
    expect(await served(jpeg)).toBe(200); // a phone with the old catalogue still gets it
    await upload(other.id, PNG, 'image/png'); // the WebP still shown by the first wall
    expect(await mark(webp)).toBe(false);

    // 31 days on: the next sweep deletes it, and only it.
    await t.db.execute(
      sql`update wall_images set unused_since = now() - interval '31 days'
          where sha256 = ${sha(jpeg)}`,
    );
    const before = await t.catalogueRows();
    // Several processes may sweep at once.
    const sweeps = await Promise.all([sweepPictures(t.db), sweepPictures(t.db)]);
    expect(sweeps.reduce((n, s) => n + s.deleted, 0)).toBe(1);
    expect(await served(jpeg)).toBe(404);
    expect(await served(webp)).toBe(200);
    expect(await t.catalogueRows()).toMatchObject({
      wall_images: Number(before.wall_images) - 1,
      layouts_hash: before.layouts_hash,
    });

    // Shown again before its time is up: kept for good.
    const png = (await anon.get<LayoutsResponse>('/layouts')).body.layouts.find(
      (l) => l.id === other.id,
    )!.image!.url;
    await upload(other.id, JPEG, 'image/jpeg');
    expect(await mark(png)).toBe(true);
    await t.db.execute(
      sql`update wall_images set unused_since = now() - interval '29 days'
          where sha256 = ${sha(png)}`,
    );
    await upload(other.id, PNG, 'image/png');
    expect(await mark(png)).toBe(false);
    await sweepPictures(t.db, 0);
    expect(await served(png)).toBe(200);
  });

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
