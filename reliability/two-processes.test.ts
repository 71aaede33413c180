import type { BulkResponse, OfflineResponse, SessionSnapshotInput } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAS_POSTGRES,
  POSTGRES,
  spawnServer,
  type ServerProcess,
  type TestDatabase,
} from '@sendlog/server/testing';
import { demoGym, http, register, snapshot, type Answer, type Climber } from './support/http.js';

/**
 * Part 3 of issue 5: two real API processes on one PostgreSQL receive the same sessions at the
 * same moment, single and bulk, many times: exactly one copy, one sessionId for every answer.
 * Both processes also start together on a fresh database, so their migrations race.
 */
const SINGLE_ROUNDS = Number(process.env.RELIABILITY_RACE_SINGLE ?? 150);
const BULK_ROUNDS = Number(process.env.RELIABILITY_RACE_BULK ?? 20);
const BULK_SIZE = 25;
const FRESH_STARTS = Number(process.env.RELIABILITY_RACE_FRESH_STARTS ?? 2);
const TIMEOUT = 300_000;

describe.runIf(HAS_POSTGRES)('two API processes on one PostgreSQL', () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  let climber: Climber;
  let gym: { layoutId: string; climbIds: string[] };
  const figures = { sent: 0, routesSent: 0, requests: 0, fiveXx: 0, disagreements: 0 };

  const startPair = async (database: TestDatabase) =>
    Promise.all([spawnServer({ env: database.env }), spawnServer({ env: database.env })]);

  beforeAll(async () => {
    db = await POSTGRES.createSharedDatabase('race');
    servers = await startPair(db);
    climber = await register(servers[0]!.url, 'racer');
    gym = await demoGym(servers[1]!.url);
  }, TIMEOUT);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  }, TIMEOUT);

  const api = (i: number) => http(servers[i % servers.length]!.url, climber.token);
  const track = <T>(answer: Answer<T>) => {
    figures.requests += 1;
    if (answer.status >= 500) figures.fiveXx += 1;
    return answer;
  };

  it(
    'migrations and the demo seed are applied once when both start together on a fresh database',
    { timeout: TIMEOUT },
    async () => {
      // The pair of beforeAll already raced on one fresh database; race more fresh ones.
      const checks = [db];
      for (let i = 1; i < FRESH_STARTS; i += 1) {
        const fresh = await POSTGRES.createSharedDatabase('race_fresh');
        const pair = await startPair(fresh);
        await Promise.all(pair.map((s) => s.stop()));
        checks.push(fresh);
      }
      for (const d of checks) {
        const migrations = await d.query<{ hash: string; n: number }>(
          'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
        );
        expect(migrations.length).toBeGreaterThan(0);
        expect(migrations.every((m) => m.n === 1)).toBe(true);
        // The demo seed raced too: its two gyms (2 walls and 1) are there once, not twice.
        const [gyms] = await d.query<{ n: number }>('select count(*)::int as n from gyms');
        const [layouts] = await d.query<{ n: number }>('select count(*)::int as n from layouts');
        const [secrets] = await d.query<{ n: number }>(
          'select count(*)::int as n from server_settings',
        );
        expect(gyms!.n).toBe(2);
        expect(layouts!.n).toBe(3);
        expect(secrets!.n).toBe(1);
      }
      await Promise.all(checks.filter((d) => d !== db).map((d) => d.drop()));
      // One secret for both: a token issued by one process is accepted by the other.
      expect((await api(1).get('/me')).status).toBe(200);
      console.log(
        `[reliability] two processes: ${FRESH_STARTS} simultaneous starts on fresh databases, migrations applied once each`,
      );
    },
  );

  it(
    'the same single session sent to both at once: one copy, one sessionId',
    { timeout: TIMEOUT },
    async () => {
      for (let round = 0; round < SINGLE_ROUNDS; round += 1) {
        const s = snapshot(
          gym,
          1 + (round % 5),
          {},
          Date.parse('2026-10-01T08:00:00Z') + round * 3_600_000,
        );
        figures.sent += 1;
        figures.routesSent += s.routes.length;
        // Two requests per process, all at once (offline and its alias).
        const answers = await Promise.all(
          [0, 1, 2, 3].map((i) =>
            api(i)
              .post<OfflineResponse>(i < 2 ? '/sessions/offline' : '/sessions/sync', s)
              .then(track),
          ),
        );
        for (const a of answers) expect([200, 201], a.text).toContain(a.status);
        const ids = new Set(answers.map((a) => a.body.sessionId));
        const created = answers.filter((a) => a.body.status === 'created').length;
        if (ids.size !== 1 || created !== 1) figures.disagreements += 1;
        expect(ids.size).toBe(1);
        expect(created).toBe(1);
      }
    },
  );

  it(
    'the same bulk batch sent to both at once: one copy of each, the same sessionId per index',
    { timeout: TIMEOUT },
    async () => {
      for (let round = 0; round < BULK_ROUNDS; round += 1) {
        const sessions: SessionSnapshotInput[] = Array.from({ length: BULK_SIZE }, (_, i) =>
          snapshot(
            gym,
            1 + (i % 8),
            {},
            Date.parse('2026-09-01T08:00:00Z') + (round * BULK_SIZE + i) * 3_600_000,
          ),
        );
        figures.sent += sessions.length;
        figures.routesSent += sessions.reduce((n, s) => n + s.routes.length, 0);
        // Both processes get the whole batch; a third request sends its sessions one by one.
        const [a, b, ...singles] = await Promise.all([
          api(0).post<BulkResponse>('/sessions/sync/bulk', { sessions }).then(track),
          api(1).post<BulkResponse>('/sessions/sync/bulk', sessions).then(track),
          ...sessions.map((s, i) =>
            api(i).post<OfflineResponse>('/sessions/offline', s).then(track),
          ),
        ]);
        expect(a!.status, a!.text.slice(0, 300)).toBe(200);
        expect(b!.status, b!.text.slice(0, 300)).toBe(200);
        sessions.forEach((_, i) => {
          const ra = a!.body.results[i]!;
          const rb = b!.body.results[i]!;
          const single = singles[i]!.body as OfflineResponse;
          expect(ra.success && rb.success).toBe(true);
          if (!ra.success || !rb.success) return;
          const ids = new Set([ra.sessionId, rb.sessionId, single.sessionId]);
          const created = [ra.status, rb.status, single.status].filter(
            (s) => s === 'created',
          ).length;
          if (ids.size !== 1 || created !== 1) figures.disagreements += 1;
          expect(ids.size).toBe(1);
          expect(created).toBe(1);
        });
      }
    },
  );

  it('the same edit sent to both at once is applied once', { timeout: TIMEOUT }, async () => {
    for (let round = 0; round < 20; round += 1) {
      const s = snapshot(gym, 3, {}, Date.parse('2026-08-01T08:00:00Z') + round * 3_600_000);
      const first = await api(0).post<OfflineResponse>('/sessions/offline', s).then(track);
      expect(first.status).toBe(201);
      figures.sent += 1;
      figures.routesSent += 4;
      const edit = {
        ...s,
        baseRevision: 1,
        notes: `edited ${round}`,
        updatedAt: '2026-11-24T10:00:00.000Z',
        routes: [
          ...s.routes,
          { ...s.routes[0]!, clientRouteId: 'added', updatedAt: '2026-11-24T10:00:00.000Z' },
        ],
      };
      const answers = await Promise.all(
        [0, 1].map((i) => api(i).post<OfflineResponse>('/sessions/offline', edit).then(track)),
      );
      for (const a of answers) {
        expect(a.status, a.text).toBe(200);
        expect(a.body.sessionId).toBe(first.body.sessionId);
        expect(a.body.revision).toBe(2);
      }
    }
  });

  it(
    'holds exactly one copy of every session with all its routes',
    { timeout: TIMEOUT },
    async () => {
      const rows = await db.query<{ sessions: number; keys: number; routes: number }>(
        `select count(*)::int as sessions, count(distinct idempotency_key)::int as keys,
              (select count(*)::int from session_routes r join climbing_sessions s on s.id = r.session_id
               where s.user_id = $1) as routes
       from climbing_sessions where user_id = $1`,
        [climber.user.id],
      );
      const { sessions, keys, routes } = rows[0]!;
      const partial = await db.query<{ id: string }>(
        `select s.id from climbing_sessions s left join session_routes r on r.session_id = s.id
       where s.user_id = $1 group by s.id having count(r.id) = 0`,
        [climber.user.id],
      );
      console.log(
        `[reliability] two processes: sent ${figures.sent} sessions (${figures.routesSent} routes) in ` +
          `${figures.requests} racing requests; stored ${sessions}, lost ${Math.max(0, figures.sent - sessions)}, ` +
          `duplicated ${sessions - keys + Math.max(0, sessions - figures.sent)}, partial ${partial.length}, ` +
          `routes stored ${routes}, sessionId disagreements ${figures.disagreements}, 5xx ${figures.fiveXx}`,
      );
      expect(sessions).toBe(figures.sent);
      expect(keys).toBe(sessions);
      expect(routes).toBe(figures.routesSent);
      expect(partial).toEqual([]);
      expect(figures.fiveXx).toBe(0);
    },
  );
});
