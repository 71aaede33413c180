import type { ClimbsResponse, LayoutsResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIMBS, DEMO_LAYOUTS } from '../../demo/gym.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';
import { client } from '../../testing/client.js';

describe.each(BACKENDS)('catalogue on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('lists the demo gym: 2 layouts, 40+ climbs over V0–V10, one archived', async () => {
    const api = client(server.app);
    const { status, body } = await api.get<LayoutsResponse>('/layouts');
    expect(status).toBe(200);
    expect(body.layouts.map((l) => l.name).sort()).toEqual(['Main Wall', 'The Cave']);
    const climbs: ClimbsResponse['climbs'] = [];
    for (const layout of body.layouts) {
      const res = await api.get<ClimbsResponse>(`/layouts/${layout.id}/climbs`);
      expect(res.status).toBe(200);
      // climbCount counts the climbs up; the list carries the archived ones too.
      expect(res.body.climbs.filter((c) => !c.archived)).toHaveLength(layout.climbCount);
      expect(res.body.climbs.every((c) => c.layoutId === layout.id)).toBe(true);
      climbs.push(...res.body.climbs);
    }
    expect(climbs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(climbs.map((c) => c.grade))).toEqual(
      new Set(Array.from({ length: 11 }, (_, i) => `V${i}`)),
    );
    expect(climbs.filter((c) => c.archived)).toHaveLength(1);
    // Stable ids: the same on every start and machine.
    expect(body.layouts.map((l) => l.id).sort()).toEqual(DEMO_LAYOUTS.map((l) => l.id).sort());
    expect(climbs.map((c) => c.id).sort()).toEqual(DEMO_CLIMBS.map((c) => c.id).sort());
  });

  it('answers 304 to a matching If-None-Match, 200 otherwise', async () => {
    const url = `/layouts/${DEMO_LAYOUTS[1]!.id}/climbs`;
    const first = await server.app.inject({ method: 'GET', url });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await server.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const weak = await server.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': `"x", W/${etag}` },
    });
    expect(weak.statusCode).toBe(304);
    const stale = await server.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': '"old"' },
    });
    expect(stale.statusCode).toBe(200);
    expect(JSON.parse(stale.body)).toEqual(JSON.parse(first.body));
    const other = await server.app.inject({
      method: 'GET',
      url: `/layouts/${DEMO_LAYOUTS[0]!.id}/climbs`,
    });
    expect(other.headers.etag).not.toBe(etag);
  });

  it('answers 404 not_found for an unknown layout', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await client(server.app).get(`/layouts/${id}/climbs`);
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
  });

  it('answers /health with the database in use', async () => {
    const res = await client(server.app).get('/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', database: backend.name } });
  });
});
