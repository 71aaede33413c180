import type { ErrorBody, LayoutResponse, LayoutsResponse } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sweepPictures } from '../../catalogue/picture-retirement.js';
import { queryRows } from '../../db/sql.js';
import { EMPTY_PNG, HUGE_PNG } from '../../testing/pictures.js';
import { BACKENDS } from '../../testing/index.js';
import {
  anon,
  etagOf,
  JPEG,
  MAIN_WALL,
  newLayout,
  NOT_A_PICTURE,
  PNG,
  setter,
  t,
  TRUNCATED_JPEG,
  useCatalogueApp,
  WEBP,
} from './catalogue.test-kit.js';

// Wall pictures: what is taken, how it is served, and how long one no layout shows is kept.
describe.each(BACKENDS)('catalogue management on $name', (backend) => {
  useCatalogueApp(backend);

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
});
