import type { ErrorBody, StatsResponse } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql.js';
import { acquireReadLease } from '../../http/read-lease.js';
import { client, newUser } from '../../testing/client.js';
import { climbId } from '../../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { ingest } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

const STATS = '/stats?from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z';
const HEAVY_READS = [STATS, '/sessions/export?format=csv', '/sessions/export?format=json'];

describe.each(BACKENDS)('heavy reads on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  /** Any answer as text: the export's CSV is no JSON. */
  const get = async (token: string, url: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, headers: res.headers, text: res.body };
  };

  const leases = async (userId: string) =>
    (
      await queryRows<{ n: number }>(
        server.db,
        sql`select count(*)::int as n from read_leases where user_id = ${userId}`,
      )
    )[0]!.n;

  it('answers 429 with Retry-After while another read of the account runs, in any process', async () => {
    const climber = await newUser(server.app);
    const other = await newUser(server.app);
    // What another API process holds while it computes this climber's stats.
    const running = await acquireReadLease(server.db, climber.user.id, 60_000);
    for (const url of HEAVY_READS) {
      const refused = await get(climber.token, url);
      expect(refused.status, url).toBe(429);
      expect((JSON.parse(refused.text) as ErrorBody).error.code).toBe('rate_limited');
      expect(refused.headers['retry-after']).toBe('1');
      // Nobody else waits for it.
      expect((await get(other.token, url)).status, url).toBe(200);
    }
    await running.release();
    for (const url of HEAVY_READS) expect((await get(climber.token, url)).status, url).toBe(200);
    expect(await leases(climber.user.id)).toBe(0);
  });

  it('takes over a lease its holder never gave back once it expired', async () => {
    const climber = await newUser(server.app);
    await acquireReadLease(server.db, climber.user.id, 60_000);
    await server.db.execute(
      sql`update read_leases set expires_at = now() - interval '1 second'
          where user_id = ${climber.user.id}`,
    );
    expect((await climber.api.get(STATS)).status).toBe(200);
    expect(await leases(climber.user.id)).toBe(0);
  });

  it('gives the lease back when the read fails', async () => {
    const climber = await newUser(server.app);
    const bad = await climber.api.get<ErrorBody>('/stats?tz=Not/A_Zone');
    expect(bad.status).toBe(400);
    const refusedPeriod = await climber.api.get<ErrorBody>(
      '/stats?from=2000-01-01T00:00:00Z&to=2020-01-01T00:00:00Z',
    );
    expect(refusedPeriod.status).toBe(400);
    expect(await leases(climber.user.id)).toBe(0);
  });

  it('never leaves a lease behind after a download, so the next one starts at once', async () => {
    const { api, user, token } = await newUser(server.app);
    await ingest(
      api,
      Array.from({ length: 120 }, (_, s) => ({
        start: new Date(Date.parse('2024-01-01T18:00:00Z') + s * 86_400_000).toISOString(),
        tries: [{ climbId: climbId(s), sent: true }],
      })),
    );
    for (const url of [...HEAVY_READS, ...HEAVY_READS]) {
      expect((await get(token, url)).status, url).toBe(200);
    }
    expect(await leases(user.id)).toBe(0);
    expect((await client(server.app).get(STATS)).status).toBe(401);
  });
});

describe.each(BACKENDS.filter((b) => b.name === 'postgres'))(
  'a heavy read past its time on $name',
  (backend) => {
    let server: LogbookApp;
    beforeAll(async () => {
      server = await startLogbookApp(backend, { heavyReadTimeoutMs: 1 });
    }, SERVER_START_TIMEOUT);
    afterAll(() => server?.close());

    it('is cancelled by the database and answered 503, its lease given back', async () => {
      const { api, user } = await newUser(server.app);
      await ingest(
        api,
        Array.from({ length: 200 }, (_, s) => ({
          start: new Date(Date.parse('2024-01-01T18:00:00Z') + s * 3_600_000).toISOString(),
          tries: [{ climbId: climbId(s), sent: s % 2 === 0 }, { climbId: climbId(s + 1) }],
        })),
      );
      const res = await api.get<ErrorBody | StatsResponse>(STATS);
      expect(res.status).toBe(503);
      expect((res.body as ErrorBody).error.code).toBe('internal');
      const [row] = await queryRows<{ n: number }>(
        server.db,
        sql`select count(*)::int as n from read_leases where user_id = ${user.id}`,
      );
      expect(row!.n).toBe(0);
    });
  },
);
