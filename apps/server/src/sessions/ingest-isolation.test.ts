import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { seedDemo } from '../db/seed.js';
import { queryRows } from '../db/sql.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../test-support/backends.js';
import { snapshot } from '../test-support/fixtures.js';
import { ingestSnapshots } from './ingest.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

/**
 * A session the database refuses although it passed validation (a constraint or trigger the
 * server does not know of, a bug): stood in for by a trigger that fails on one marker text.
 */
const POISON = 'refused by the database';

describe.each(BACKENDS)('a session the database refuses, on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.createDatabase();
    drop = created.drop;
    database = await openDatabase(created.options);
    await migrateUnderLock(database, seedDemo);
    await database.db.execute(
      sql.raw(`create function refuse_marked_route() returns trigger language plpgsql as $$
        begin
          if new.notes = '${POISON}' then raise exception 'route refused'; end if;
          return new;
        end $$`),
    );
    await database.db.execute(
      sql.raw(`create trigger refuse_marked_route before insert or update on session_routes
        for each row execute function refuse_marked_route()`),
    );
  }, SERVER_START_TIMEOUT);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const newUser = async () => {
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into users (email, password_hash) values (${`${randomUUID()}@sendlog.test`}, 'x')
          returning id::text as id`,
    );
    return row!.id;
  };
  const storedKeys = async (userId: string) =>
    (
      await queryRows<{ key: string; routes: number }>(
        database.db,
        sql`select s.client_session_id as key,
                   (select count(*)::int from session_routes r where r.session_id = s.id) as routes
            from climbing_sessions s where s.user_id = ${userId}`,
      )
    ).sort((a, b) => a.key.localeCompare(b.key));
  const poisoned = () => {
    const s = snapshot({}, 3);
    return { ...s, routes: s.routes.map((r, i) => (i === 1 ? { ...r, notes: POISON } : r)) };
  };

  it('stores the rest of its bulk and answers it `internal`, nothing of it written', async () => {
    const userId = await newUser();
    const bulk = [snapshot(), poisoned(), snapshot(), snapshot()];
    const errors: unknown[] = [];
    const ingest = () =>
      ingestSnapshots(database.db, userId, bulk, {
        nowMs: NOW,
        onIsolatedFailure: (error, ids) => errors.push({ error, ids }),
      });

    const { results } = await ingest();
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'created', 'created']);
    expect(results[1]).toMatchObject({
      index: 1,
      clientSessionId: bulk[1]!.clientSessionId,
      error: { code: 'internal' },
    });
    expect(errors).toEqual([{ error: expect.any(Error), ids: [bulk[1]!.clientSessionId] }]);
    const stored = await storedKeys(userId);
    expect(stored).toEqual(
      [bulk[0]!, bulk[2]!, bulk[3]!]
        .map((s) => ({ key: s.clientSessionId!, routes: 2 }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );

    // Sent again (the client retries it): the stored ones are duplicates, the refused one still
    // refused, and nothing is written twice.
    const again = await ingest();
    expect(again.results.map((r) => r.status)).toEqual([
      'duplicate',
      'rejected',
      'duplicate',
      'duplicate',
    ]);
    expect(await storedKeys(userId)).toEqual(stored);
  });

  it('keeps the snapshots of one key together and in order when it isolates them', async () => {
    const userId = await newUser();
    const first = snapshot();
    const edit = {
      ...first,
      baseRevision: 1,
      notes: 'edited',
      updatedAt: '2026-11-24T22:00:00.000Z',
    };
    const { results } = await ingestSnapshots(database.db, userId, [first, poisoned(), edit], {
      nowMs: NOW,
    });
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'updated']);
    expect(results[2]).toMatchObject({ revision: 2 });
  });

  it('is a failure of the whole request when no session of it can be stored', async () => {
    const userId = await newUser();
    await expect(
      ingestSnapshots(database.db, userId, [poisoned(), poisoned()], { nowMs: NOW }),
    ).rejects.toThrow();
    await expect(
      ingestSnapshots(database.db, userId, [poisoned()], { nowMs: NOW }),
    ).rejects.toThrow();
    expect(await storedKeys(userId)).toEqual([]);
  });
});
