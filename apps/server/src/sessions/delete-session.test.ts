import type { SessionSnapshotInput } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { snapshot } from '../testing/fixtures.js';
import { deleteSession } from './delete-session.js';
import { ingestSnapshots } from './ingest/ingest.js';
import { loadById, loadChangesPage, loadHistoryPage } from './session-repository.js';
import { insertUser } from '../testing/users.js';

// What a deleted session leaves in the database: the row as a tombstone (deleted_at, no notes,
// no layout), none of its routes.

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe.each(BACKENDS)('a deleted session in the database, on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  const newUserId = () => insertUser(database.db);

  async function ingest(userId: string, items: SessionSnapshotInput[]) {
    const { results, statements } = await ingestSnapshots(database.db, userId, items, {
      nowMs: NOW,
    });
    return { results, statements };
  }

  async function rowOf(id: string) {
    const [row] = await queryRows<{
      notes: string | null;
      layout_id: string | null;
      end_time: string | null;
      deleted: boolean;
      routes: number;
      hash: string | null;
    }>(
      database.db,
      sql`select s.notes, s.layout_id, s.end_time, s.deleted_at is not null as deleted,
                 s.last_snapshot_hash as hash,
                 (select count(*)::int from session_routes r where r.session_id = s.id) as routes
          from climbing_sessions s where s.id = ${id}`,
    );
    return row!;
  }

  it('keeps the row as a tombstone and removes its routes and words', async () => {
    const userId = await newUserId();
    const first = snapshot({}, 3);
    const [created] = (await ingest(userId, [first])).results;
    if (!created?.success) throw new Error('refused');
    const deleting = { ...first, baseRevision: 1, updatedAt: '2026-11-24T20:00:00.000Z' };
    const { results } = await ingest(userId, [{ ...deleting, deleted: true }]);
    expect(results[0]).toMatchObject({ status: 'updated', revision: 2, routeIds: [] });

    const row = await rowOf(created.sessionId);
    expect(row).toMatchObject({ notes: null, layout_id: null, end_time: null, deleted: true });
    expect(row.routes).toBe(0);
    expect(await loadById(database.db, userId, created.sessionId)).toBeUndefined();
    expect(await loadHistoryPage(database.db, userId, null, 10)).toEqual([]);
    const [change] = await loadChangesPage(database.db, userId, 0, 10);
    expect(change?.state.deleted).toBe(true);
    expect(change?.state.updatedAt).toBe('2026-11-24T20:00:00.000Z');
  });

  it('two deletes of one session at once bump its revision once', async () => {
    const userId = await newUserId();
    const [created] = (await ingest(userId, [snapshot({}, 2)])).results;
    if (!created?.success) throw new Error('refused');
    const answers = await Promise.all([
      deleteSession(database.db, userId, created.sessionId, NOW),
      deleteSession(database.db, userId, created.sessionId, NOW + 1),
    ]);
    expect(answers.map((a) => a?.revision)).toEqual([2, 2]);
    const [change] = await loadChangesPage(database.db, userId, 0, 10);
    expect(change?.revision).toBe(2);
  });

  it('a non-deleting bulk costs the same statements as before', async () => {
    const userId = await newUserId();
    const { statements } = await ingest(userId, [snapshot({}, 2), snapshot({}, 2)]);
    // One read and one guarded write (sessions/ingest/read.ts and write.ts).
    expect(statements).toBe(2);
  });

  it('DELETE on the server: a tombstone, idempotent, and no replay fingerprint left', async () => {
    const userId = await newUserId();
    const first = snapshot({}, 2);
    const [created] = (await ingest(userId, [first])).results;
    if (!created?.success) throw new Error('refused');
    expect((await rowOf(created.sessionId)).hash).not.toBeNull();

    expect(await deleteSession(database.db, userId, created.sessionId, NOW)).toEqual({
      sessionId: created.sessionId,
      revision: 2,
    });
    expect(await deleteSession(database.db, userId, created.sessionId, NOW + 1000)).toEqual({
      sessionId: created.sessionId,
      revision: 2,
    });
    const row = await rowOf(created.sessionId);
    expect(row).toMatchObject({ deleted: true, routes: 0, notes: null, hash: null });

    // The device that sent the first snapshot sends it again: its copy lost to the delete.
    const { results } = await ingest(userId, [first]);
    expect(results[0]).toMatchObject({
      status: 'merged',
      revision: 2,
      session: {
        id: created.sessionId,
        clientSessionId: first.clientSessionId,
        revision: 2,
        deleted: true,
        updatedAt: new Date(NOW).toISOString(),
      },
    });
    expect(await deleteSession(database.db, await newUserId(), created.sessionId, NOW)).toBe(
      undefined,
    );
  });
});
