import type { BulkResponse } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../testing/index.js';
import { newUser } from '../testing/client.js';
import { snapshot } from '../testing/fixtures.js';

const TOKEN = 'metrics-token-for-the-operator';

/** One sample's value from Prometheus text, e.g. `sendlog_sync_sessions_total{…}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0] ?? '';
    if (wanted.every((w) => labelText.includes(w))) return Number(line.split(' ').at(-1));
  }
  return undefined;
}

describe.each(BACKENDS)('GET /metrics on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { metricsToken: TOKEN });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  const scrape = async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  it('answers a request without the token exactly like a path that does not exist', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-of-same-size!',
      `Bearer ${TOKEN}x`,
    ]) {
      const res = await server.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(404);
      expect(JSON.parse(res.body)).toEqual({
        error: { code: 'not_found', message: 'no route GET /metrics' },
      });
    }
  });

  it('counts sync outcomes and rows where the routes log them, and request durations by route', async () => {
    const climber = await newUser(server.app);
    const before = await scrape();
    const count = (text: string, endpoint: string, outcome: string) =>
      sample(text, 'sendlog_sync_sessions_total', { endpoint, outcome }) ?? 0;
    const rows = (text: string, table: string) =>
      sample(text, 'sendlog_sync_rows_ingested_total', { table }) ?? 0;

    const first = snapshot({}, 3);
    expect((await climber.api.post('/sessions/offline', first)).status).toBe(201);
    expect((await climber.api.post('/sessions/offline', first)).status).toBe(200); // duplicate
    const bulk = await climber.api.post<BulkResponse>('/sessions/sync/bulk', [
      snapshot({}, 2),
      snapshot({}, 4),
      snapshot({ layoutId: 'not-a-layout' }, 1),
      first,
    ]);
    expect(bulk.body.summary).toEqual({
      created: 2,
      duplicate: 1,
      updated: 0,
      merged: 0,
      rejected: 1,
    });

    const after = await scrape();
    const delta = (endpoint: string, outcome: string) =>
      count(after, endpoint, outcome) - count(before, endpoint, outcome);
    expect(delta('single', 'created')).toBe(1);
    expect(delta('single', 'duplicate')).toBe(1);
    expect(delta('bulk', 'created')).toBe(2);
    expect(delta('bulk', 'duplicate')).toBe(1);
    expect(delta('bulk', 'rejected')).toBe(1);
    expect(delta('bulk', 'merged')).toBe(0);
    // Written: 3 sessions with 3 + 2 + 4 routes; the duplicates and the refusal wrote nothing.
    expect(rows(after, 'sessions') - rows(before, 'sessions')).toBe(3);
    expect(rows(after, 'routes') - rows(before, 'routes')).toBe(9);

    // Durations are labelled by the route's pattern, never by a URL holding an id.
    expect(
      sample(after, 'sendlog_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/sessions/sync/bulk',
        status_code: '200',
      }),
    ).toBe(1);
    await climber.api.get(`/sessions/${first.clientSessionId}`);
    const third = await scrape();
    expect(third).toContain('route="/sessions/:id"');
    expect(third).not.toContain(`${first.clientSessionId}`);
  });

  it('shows the database pool and Node’s own figures', async () => {
    const text = await scrape();
    expect(sample(text, 'sendlog_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(
      1,
    );
    if (backend.name === 'postgres') {
      expect(sample(text, 'sendlog_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(
        0,
      );
      expect(sample(text, 'sendlog_db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      expect(text).not.toContain('state="idle"');
    }
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('GET /metrics without SENDLOG_METRICS_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(BACKENDS[0]!);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('does not exist, whatever the request carries', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer anything-at-all-here' },
    });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'not_found' } });
  });
});
