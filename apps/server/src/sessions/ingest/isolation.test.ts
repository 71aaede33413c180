import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.js';
import { queryRows } from '../../db/sql.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { snapshot } from '../../testing/fixtures.js';
import { ingestSnapshots } from './ingest.js';
import { insertUser } from '../../testing/users.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

/**
 * A session the database refuses although it passed validation (a constraint or trigger the
 * server does not know of, a bug): stood in for by a trigger that fails on one marker text.
 */
const POISON = 'refused by the database';

describe.each(BACKENDS)('a session the database refuses, on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
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
  afterAll(() => close?.());

  const newUser = () => insertUser(database.db);
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

  /** The request's logger, as the bulk route passes it. */
  const recordingLog = () => {
    const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
    const at = (level: string) => (details: object, message: string) =>
      lines.push({ level, details: details as Record<string, unknown>, message });
    return { lines, log: { warn: at('warn'), error: at('error') } };
  };
  const internal = { success: false, status: 'rejected', error: { code: 'internal' } };

  it('stores the rest of its bulk and answers it `internal`, nothing of it written', async () => {
    const userId = await newUser();
    const bulk = [snapshot(), poisoned(), snapshot(), snapshot()];
    const { lines, log } = recordingLog();
    const ingest = () =>
      ingestSnapshots(database.db, userId, bulk, { nowMs: NOW, isolateFailures: log });

    const { results } = await ingest();
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'created', 'created']);
    expect(results[1]).toMatchObject({
      ...internal,
      index: 1,
      clientSessionId: bulk[1]!.clientSessionId,
    });
    expect(lines.map((l) => l.level)).toEqual(['warn', 'error']);
    expect(lines[1]!.details).toMatchObject({
      err: expect.any(Error),
      clientSessionIds: [bulk[1]!.clientSessionId],
    });
    const stored = await storedKeys(userId);
    expect(stored).toEqual(
      [bulk[0]!, bulk[2]!, bulk[3]!]
        .map((s) => ({ key: s.clientSessionId!, routes: 2 }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );

    // Sent again (the client retries it): the stored ones are duplicates, the refused one is
    // refused again on its own, and nothing is written twice.
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
      isolateFailures: recordingLog().log,
    });
    expect(results.map((r) => r.status)).toEqual(['created', 'rejected', 'updated']);
    expect(results[2]).toMatchObject({ revision: 2 });
  });

  it('answers `internal` even when every session is refused, while the database answers', async () => {
    const userId = await newUser();
    for (const bulk of [[poisoned(), poisoned()], [poisoned()]]) {
      const { results } = await ingestSnapshots(database.db, userId, bulk, {
        nowMs: NOW,
        isolateFailures: recordingLog().log,
      });
      expect(results.map((r) => (r.success ? r.status : r.error.code))).toEqual(
        bulk.map(() => 'internal'),
      );
    }
    expect(await storedKeys(userId)).toEqual([]);
  });

  it('fails the request when the database stops answering (an outage is a 500)', async () => {
    const userId = await newUser();
    // The replay check and the catalogue lookup answer; then the database is gone.
    let calls = 0;
    const dying = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
        return (query: SQL) => {
          calls += 1;
          if (calls > 2) throw new Error('connection lost');
          return target.execute(query);
        };
      },
    });
    await expect(
      ingestSnapshots(dying, userId, [poisoned(), poisoned()], {
        nowMs: NOW,
        isolateFailures: recordingLog().log,
      }),
    ).rejects.toThrow();
    expect(calls).toBe(3);
  });

  it('fails the request on the single-session endpoint, which isolates nothing', async () => {
    const userId = await newUser();
    await expect(
      ingestSnapshots(database.db, userId, [poisoned()], { nowMs: NOW }),
    ).rejects.toThrow();
    expect(await storedKeys(userId)).toEqual([]);
  });
});
