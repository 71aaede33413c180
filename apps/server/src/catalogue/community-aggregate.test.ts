import { randomUUID } from 'node:crypto';
import type { SessionSnapshotInput } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { deleteSession } from '../sessions/delete-session.js';
import { ingestSnapshots } from '../sessions/ingest/ingest.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { climbId } from '../testing/fixtures.js';
import { rebuildCommunity } from './community-aggregate.js';
import { drainCommunityOutbox } from './community-fold.js';
import { communityFromRoutesQuery } from './community-from-routes.js';
import { communityQuery, type CommunityRow } from './community.js';
import { DEMO_GYM } from '../demo/gym.js';
import { createClimbs, createLayout } from './catalogue-writes.js';
import { insertUser } from '../testing/users.js';

// The community view read from the aggregate the fold keeps (once drained) must equal the view computed from
// every route (the old query, kept as the oracle) after any mix of logs, edits, moves,
// removals and deletes, and the aggregate's rows must equal a rebuild from scratch.

const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const OPINIONS = [null, 'V3', ' v5', 'V10', 'VB', '6A', '6a+', '7C', 'soft', ''] as const;

interface RouteArb {
  clientRouteId: string;
  climb: number;
  isSuccess: boolean;
  rating: number | null;
  gradeOpinion: string | null;
  /** Seconds into the session, plus milliseconds: several routes share a whole second. */
  second: number;
  ms: number;
}

const routeArb = fc.record<RouteArb>({
  clientRouteId: fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4'),
  climb: fc.nat(5),
  isSuccess: fc.boolean(),
  rating: fc.option(fc.integer({ min: 1, max: 5 })),
  gradeOpinion: fc.constantFrom(...OPINIONS),
  second: fc.nat(3),
  ms: fc.nat(999),
});

type Command =
  | { kind: 'log'; user: number; sessions: { key: number; routes: RouteArb[]; remove: string[] }[] }
  | { kind: 'delete'; user: number; key: number; how: 'snapshot' | 'endpoint' };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      user: fc.nat(2),
      sessions: fc.array(
        fc.record({
          key: fc.nat(2),
          routes: fc.array(routeArb, { maxLength: 4 }),
          remove: fc.subarray(['r0', 'r1', 'r2', 'r3', 'r4']),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      user: fc.nat(2),
      key: fc.nat(2),
      how: fc.constantFrom('snapshot' as const, 'endpoint' as const),
    }),
  },
);

describe.each(BACKENDS)('the community aggregate on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;
  /** Three V climbs of the demo gym and three of a Font wall. */
  let climbs: string[];
  let fontLayoutId: string;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
    fontLayoutId = await createLayout(database.db, {
      gymId: DEMO_GYM.id,
      name: 'Font wall',
      description: '',
      gradeSystem: 'Font',
    });
    const font = await createClimbs(database.db, fontLayoutId, [
      { name: 'f1', grade: '6A' },
      { name: 'f2', grade: '6B' },
      { name: 'f3', grade: '7A' },
    ]);
    climbs = [climbId(0), climbId(1), climbId(2), ...font];
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  const newUserId = () => insertUser(database.db);

  /** One new session of `routes` (filled out as a phone sends them); refused is a failure. */
  async function logNew(
    userId: string,
    startTime: string,
    routes: { climbId: string; rating?: number; gradeOpinion: string }[],
  ) {
    const { results } = await ingestSnapshots(
      database.db,
      userId,
      [
        {
          clientSessionId: randomUUID(),
          layoutId: null,
          startTime,
          endTime: null,
          notes: null,
          baseRevision: null,
          updatedAt: startTime,
          removedRouteIds: [],
          routes: routes.map((r, i) => ({
            clientRouteId: `r${i}`,
            climbId: r.climbId,
            isSuccess: true,
            attempts: 1,
            notes: null,
            rating: r.rating ?? null,
            gradeOpinion: r.gradeOpinion,
            loggedAt: new Date(Date.parse(startTime) + i * 60_000).toISOString(),
            updatedAt: startTime,
          })),
        },
      ],
      { nowMs: NOW },
    );
    if (!results[0]?.success) throw new Error(`refused: ${JSON.stringify(results[0])}`);
  }

  const byClimb = (rows: CommunityRow[]) =>
    rows
      .map((r) => ({
        climb_id: r.climb_id,
        sends: Number(r.sends),
        climbers: Number(r.climbers),
        grade_idx: r.grade_idx === null ? null : Number(r.grade_idx),
        rating: r.rating === null ? null : Number(r.rating),
      }))
      .sort((a, b) => a.climb_id.localeCompare(b.climb_id));

  /** The view as read once the fold has caught up (it runs off the request path). */
  async function expectViewsAgree(filter: SQL = sql`true`) {
    await drainCommunityOutbox(database.db);
    const [kept, oracle] = await Promise.all([
      queryRows<CommunityRow>(database.db, communityQuery(filter)),
      queryRows<CommunityRow>(database.db, communityFromRoutesQuery(filter)),
    ]);
    expect(byClimb(kept)).toEqual(byClimb(oracle));
  }

  const tableRows = () =>
    queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from climb_climber_stats order by climb_id, user_id`,
    );

  /** Runs one sequence of commands for three fresh climbers. */
  async function play(commands: Command[]) {
    const users = [await newUserId(), await newUserId(), await newUserId()];
    const clientIds = users.map(() => [randomUUID(), randomUUID(), randomUUID()]);
    const revisions = new Map<string, number>();
    const sessionIds = new Map<string, string>();
    let clock = 0;
    for (const command of commands) {
      clock += 1;
      const at = (seconds: number, ms = 0) =>
        new Date(Date.parse('2026-11-20T18:00:00.000Z') + seconds * 1000 + ms).toISOString();
      const userId = users[command.user]!;
      if (command.kind === 'delete') {
        const name = `${command.user}/${command.key}`;
        const id = sessionIds.get(name);
        if (!id) continue;
        if (command.how === 'endpoint') {
          await deleteSession(database.db, userId, id, NOW);
        } else {
          const clientSessionId = clientIds[command.user]![command.key]!;
          const { results } = await ingestSnapshots(
            database.db,
            userId,
            [
              {
                clientSessionId,
                layoutId: null,
                startTime: at(0),
                endTime: null,
                notes: null,
                baseRevision: revisions.get(name) ?? null,
                updatedAt: at(3600 + clock),
                removedRouteIds: [],
                routes: [],
                deleted: true,
              },
            ],
            { nowMs: NOW },
          );
          if (!results[0]?.success) throw new Error(`refused: ${JSON.stringify(results[0])}`);
        }
        continue;
      }
      const items: SessionSnapshotInput[] = command.sessions.map((s) => {
        const name = `${command.user}/${s.key}`;
        // One route per client id in a snapshot; later edits win by their newer updatedAt.
        const routes = [...new Map(s.routes.map((r) => [r.clientRouteId, r])).values()];
        return {
          clientSessionId: clientIds[command.user]![s.key]!,
          layoutId: null,
          startTime: at(0),
          endTime: null,
          notes: null,
          baseRevision: revisions.get(name) ?? null,
          updatedAt: at(3600 + clock),
          removedRouteIds: s.remove.filter((id) => !routes.some((r) => r.clientRouteId === id)),
          routes: routes.map((r) => ({
            clientRouteId: r.clientRouteId,
            climbId: climbs[r.climb]!,
            isSuccess: r.isSuccess,
            attempts: 1,
            notes: null,
            rating: r.rating,
            gradeOpinion: r.gradeOpinion,
            loggedAt: at(s.key * 10 + r.second, r.ms),
            updatedAt: at(3600 + clock),
          })),
        };
      });
      const { results } = await ingestSnapshots(database.db, userId, items, { nowMs: NOW });
      results.forEach((r, i) => {
        if (!r.success) throw new Error(`refused: ${JSON.stringify(r.error)}`);
        const name = `${command.user}/${command.sessions[i]!.key}`;
        revisions.set(name, r.revision);
        sessionIds.set(name, r.sessionId);
      });
    }
  }

  it('equals the view computed from every route after logs, edits, removals and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        await play(commands);
        await expectViewsAgree();
        const kept = await tableRows();
        await rebuildCommunity(database.db);
        expect(await tableRows()).toEqual(kept);
      }),
      { numRuns: 20 },
    );
  }, 240_000);

  it("follows the layout's grade system, which both systems' latest opinions are kept for", async () => {
    const userId = await newUserId();
    // A climb of its own: the property above logs the others.
    const [fontClimb] = await createClimbs(database.db, fontLayoutId, [
      { name: 'f4', grade: '6C' },
    ]);
    if (!fontClimb) throw new Error('no climb');
    await logNew(userId, '2026-11-21T18:00:00.000Z', [
      { climbId: fontClimb, gradeOpinion: '6B' },
      { climbId: fontClimb, gradeOpinion: 'V4' },
    ]);
    const onFontWall = sql`c.layout_id = ${fontLayoutId}`;
    await expectViewsAgree(onFontWall);
    // A gym file may rewrite a layout's system: the view follows with no write to the aggregate.
    await database.db.execute(
      sql`update layouts set grade_system = 'V' where id = ${fontLayoutId}`,
    );
    try {
      await expectViewsAgree(onFontWall);
      const [row] = await queryRows<CommunityRow>(
        database.db,
        communityQuery(sql`c.id = ${fontClimb}`),
      );
      // V4 is a grade of the V system: the climber's latest V opinion now counts.
      expect(row).toMatchObject({ climbers: 1, sends: 2, grade_idx: 5 });
    } finally {
      await database.db.execute(
        sql`update layouts set grade_system = 'Font' where id = ${fontLayoutId}`,
      );
    }
  });

  it('loses no update when climbers log the same climb at once', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => newUserId()));
    const climb = climbs[1]!;
    await Promise.all(
      users.flatMap((userId, u) =>
        [0, 1, 2].map((k) =>
          logNew(userId, `2026-11-22T1${k}:00:00.000Z`, [
            { climbId: climb, rating: 1 + ((u + k) % 5), gradeOpinion: `V${u + k}` },
          ]),
        ),
      ),
    );
    await expectViewsAgree(sql`c.id = ${climb}`);
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from climb_climber_stats
          where climb_id = ${climb} and user_id = any(${sql.param(users)}::uuid[])`,
    );
    expect(row?.n).toBe(6);
  });
});
