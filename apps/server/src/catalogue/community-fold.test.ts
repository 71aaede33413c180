import { randomUUID } from 'node:crypto';
import type { SessionSnapshotInput } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { ingestSnapshots } from '../sessions/ingest/ingest.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { climbId } from '../testing/fixtures.js';
import { insertUser } from '../testing/users.js';
import { applyDeltasStatement, foldStatement, rebuildCommunity } from './community-aggregate.js';
import { drainCommunityOutbox, foldOnce } from './community-fold.js';

// The aggregate the fold keeps must equal a recomputation from every route after any history of
// writes and folds, whichever of them died half-way. A process that dies mid-transaction leaves
// what a rollback leaves (the database never commits half a transaction), so a crash is
// simulated by throwing inside the transaction after its statements ran: a write that crashed
// after writing its rows and queueing them, a fold that crashed after recomputing its rows.

const NOW = Date.parse('2026-11-27T12:00:00.000Z');
class Crash extends Error {}

type Step =
  | { kind: 'log'; user: number; key: number; climbs: number[]; sends: boolean[] }
  | { kind: 'log-crashed'; user: number; key: number; climbs: number[] }
  | { kind: 'fold'; batch: number }
  | { kind: 'fold-crashed'; batch: number }
  | { kind: 'folds-racing' }
  | { kind: 'fold-twice' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      user: fc.nat(2),
      key: fc.nat(2),
      climbs: fc.array(fc.nat(3), { maxLength: 4 }),
      sends: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('log-crashed' as const),
      user: fc.nat(2),
      key: fc.nat(2),
      climbs: fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fold' as const), batch: fc.nat(3) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('fold-crashed' as const), batch: fc.nat(3) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'folds-racing' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'fold-twice' as const }) },
);

describe.each(BACKENDS)('the community fold on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  const tableRows = () =>
    queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from climb_climber_stats order by climb_id, user_id`,
    );

  function snapshot(
    clientSessionId: string,
    climbs: number[],
    sends: boolean[],
    clock: number,
  ): SessionSnapshotInput {
    const at = (s: number) => new Date(Date.parse('2026-11-20T18:00:00.000Z') + s * 1000);
    return {
      clientSessionId,
      layoutId: null,
      startTime: at(0).toISOString(),
      endTime: null,
      notes: null,
      baseRevision: null,
      updatedAt: at(3600 + clock).toISOString(),
      removedRouteIds: [],
      routes: climbs.map((c, i) => ({
        clientRouteId: `r${i}`,
        climbId: climbId(c),
        isSuccess: sends[i] ?? false,
        attempts: 1,
        notes: null,
        rating: 1 + ((clock + i) % 5),
        gradeOpinion: `V${(clock + i) % 6}`,
        loggedAt: at(i * 60 + clock).toISOString(),
        updatedAt: at(3600 + clock).toISOString(),
      })),
    };
  }

  async function ingest(db: Db, userId: string, item: SessionSnapshotInput) {
    const { results } = await ingestSnapshots(db, userId, [item], { nowMs: NOW });
    if (!results[0]?.success) throw new Error(`refused: ${JSON.stringify(results[0])}`);
  }

  /** A fold that dies after its statements ran, before its commit. */
  async function crashedFold(batch: number) {
    await expect(
      database.db.transaction(async (tx) => {
        await foldOnce(tx, batch);
        throw new Crash();
      }),
    ).rejects.toBeInstanceOf(Crash);
  }

  async function play(steps: Step[]) {
    const users = [await insertUser(database.db), await insertUser(database.db)];
    users.push(users[0]!); // index 2: the first climber again, more often
    const clientIds = [0, 1, 2].map(() => [randomUUID(), randomUUID(), randomUUID()]);
    let clock = 0;
    for (const step of steps) {
      clock += 1;
      switch (step.kind) {
        case 'log': {
          // A new session, or a later full snapshot of one (baseRevision null merges).
          const userId = users[step.user]!;
          await ingest(
            database.db,
            userId,
            snapshot(clientIds[step.user]![step.key]!, step.climbs, step.sends, clock),
          );
          break;
        }
        case 'log-crashed': {
          const userId = users[step.user]!;
          await expect(
            database.db.transaction(async (tx) => {
              await ingest(
                tx,
                userId,
                snapshot(randomUUID(), step.climbs, [true, false, true], clock),
              );
              throw new Crash();
            }),
          ).rejects.toBeInstanceOf(Crash);
          break;
        }
        case 'fold':
          await foldOnce(database.db, 1 + step.batch);
          break;
        case 'fold-crashed':
          await crashedFold(1 + step.batch);
          break;
        case 'folds-racing':
          // Two processes folding at once: SKIP LOCKED hands them different rows (PGlite runs
          // them one after the other on its one connection).
          await Promise.all([foldOnce(database.db, 2), foldOnce(database.db, 2)]);
          break;
        case 'fold-twice': {
          // The same rows recomputed twice: the second changes nothing.
          const all = await queryRows<{ user_id: string; climb_id: string }>(
            database.db,
            sql`select user_id, climb_id from climb_climber_stats where user_id = any(${sql.param(users)}::uuid[])`,
          );
          const before = await tableRows();
          const pairs = [all.map((p) => p.user_id), all.map((p) => p.climb_id)] as const;
          await database.db.execute(foldStatement(...pairs));
          const once = await tableRows();
          await database.db.execute(foldStatement(...pairs));
          expect(await tableRows()).toEqual(once);
          // Those rows had no pending changes unless the outbox named them: recomputing them
          // early is what the fold would have done.
          expect(once.length).toBeGreaterThanOrEqual(before.length - all.length);
          break;
        }
      }
    }
  }

  it('equals a recomputation from every route after writes and folds that crash half-way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        await play(steps);
        await drainCommunityOutbox(database.db);
        const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from community_outbox`,
        );
        expect(n).toBe(0);
        const kept = await tableRows();
        await rebuildCommunity(database.db);
        expect(await tableRows()).toEqual(kept);
      }),
      { numRuns: 25 },
    );
  }, 240_000);

  it('queues the catalogue climbs a write changes, never an unlisted one', async () => {
    const userId = await insertUser(database.db);
    const queued = async () =>
      (
        await queryRows<{ climb_id: string }>(
          database.db,
          sql`select climb_id::text from community_outbox where user_id = ${userId}`,
        )
      ).map((r) => r.climb_id);
    const item = snapshot(randomUUID(), [0], [true], 1);
    const unlisted = {
      ...item.routes[0]!,
      clientRouteId: 'u0',
      climbId: null,
      climb: { name: 'Roof', grade: 'V5', kind: 'boulder' as const },
    };
    await ingest(database.db, userId, { ...item, routes: [...item.routes, unlisted] });
    expect(await queued()).toEqual([climbId(0)]);
    await drainCommunityOutbox(database.db);
    // An edit of the unlisted route alone changes no community row: nothing is queued.
    const edited = '2026-11-20T19:10:00.000Z'; // after every time of the snapshot above
    await ingest(database.db, userId, {
      ...item,
      updatedAt: edited,
      routes: [...item.routes, { ...unlisted, attempts: 2, updatedAt: edited }],
    });
    expect(await queued()).toEqual([]);
  });

  it('queues the values of added routes, a recompute for anything else', async () => {
    const userId = await insertUser(database.db);
    const queued = () =>
      queryRows<{ climb_id: string; recompute: boolean; sends: number }>(
        database.db,
        sql`select climb_id::text, recompute, sends from community_outbox
            where user_id = ${userId} order by climb_id`,
      );
    const byClimb = <T extends { climb_id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.climb_id < b.climb_id ? -1 : 1));
    const item = snapshot(randomUUID(), [0, 0, 1], [true, true, false], 1);
    await ingest(database.db, userId, item);
    expect(await queued()).toEqual(
      byClimb([
        { climb_id: climbId(0), recompute: false, sends: 2 },
        { climb_id: climbId(1), recompute: false, sends: 0 },
      ]),
    );
    // A later snapshot adding a route to climb 1 and marking the send on climb 0 undone: climb 1
    // still only grew, climb 0 must be recomputed (a send cannot be subtracted from a latest).
    const edited = '2026-11-20T19:10:00.000Z'; // after every time of the snapshot above
    const [first, second, third] = item.routes;
    await ingest(database.db, userId, {
      ...item,
      updatedAt: edited,
      routes: [
        first!,
        { ...second!, isSuccess: false, updatedAt: edited },
        third!,
        { ...third!, clientRouteId: 'r3', isSuccess: true, updatedAt: edited },
      ],
    });
    expect(await queued()).toEqual(
      byClimb([
        { climb_id: climbId(0), recompute: true, sends: 2 },
        { climb_id: climbId(1), recompute: false, sends: 1 },
      ]),
    );
    await drainCommunityOutbox(database.db);
    const folded = await tableRows();
    await rebuildCommunity(database.db);
    expect(await tableRows()).toEqual(folded);
  });

  it('a rebuild drops queued values it has read, so they are not added twice', async () => {
    const userId = await insertUser(database.db);
    await ingest(database.db, userId, snapshot(randomUUID(), [2], [true], 1));
    await rebuildCommunity(database.db);
    await drainCommunityOutbox(database.db);
    const [row] = await queryRows<{ sends: number }>(
      database.db,
      sql`select sends from climb_climber_stats where user_id = ${userId} and climb_id = ${climbId(2)}`,
    );
    expect(row?.sends).toBe(1);
  });

  it.each([
    ['recompute', foldStatement],
    ['addition', applyDeltasStatement],
  ])(
    'a write waits for a fold (%s) holding its row, then queues again: the fold never hides it',
    async (_, statement) => {
      if (backend.name !== 'postgres') return; // one connection on PGlite: nothing runs at once
      const userId = await insertUser(database.db);
      await ingest(database.db, userId, snapshot(randomUUID(), [0], [false], 1));
      await drainCommunityOutbox(database.db);
      await ingest(database.db, userId, snapshot(randomUUID(), [0], [true], 2));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      // A fold that has read the routes and holds the row while a second send is written.
      const fold = database.db.transaction(async (tx) => {
        await tx.execute(
          sql`select 1 from community_outbox where user_id = ${userId} for update skip locked`,
        );
        await tx.execute(statement([userId], [climbId(0)]));
        locked();
        await held;
      });
      await isLocked;
      const write = ingest(database.db, userId, snapshot(randomUUID(), [0], [true], 3));
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([fold, write]);
      await drainCommunityOutbox(database.db);
      const [row] = await queryRows<{ sends: number }>(
        database.db,
        sql`select sends from climb_climber_stats where user_id = ${userId} and climb_id = ${climbId(0)}`,
      );
      expect(row?.sends).toBe(2);
    },
  );
});
