import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { communityFromRoutesQuery } from './community-from-routes.js';
import { communityQuery, type CommunityRow } from './community.js';

// A gym that logged routes before the aggregate existed: migration 0005 must fill it so the
// view reads as it did from the routes.

const FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const journal = JSON.parse(readFileSync(`${FOLDER}/meta/_journal.json`, 'utf8')) as {
  entries: { idx: number; tag: string }[];
};
const AGGREGATE = journal.entries.find((e) => e.tag === '0005_community_aggregate')!.idx;

/** Applies the committed migrations up to (not including) `end`, as migrate.ts does. */
async function migrateUntil(db: Db, end: number): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: FOLDER }).slice(0, end);
  const internals = db as unknown as {
    dialect: { migrate(m: typeof migrations, session: unknown, c: object): Promise<void> };
    session: unknown;
  };
  await internals.dialect.migrate(migrations, internals.session, { migrationsFolder: FOLDER });
}

describe.each(BACKENDS)('migration 0005 on $name', (backend) => {
  it(
    'fills the community aggregate from the routes already logged',
    async () => {
      const created = await backend.createDatabase();
      const database = await openDatabase(created.options);
      try {
        const db = database.db;
        await migrateUntil(db, AGGREGATE);
        // Walls and climbs as that schema holds them (today's writes name columns it lacks).
        await db.execute(sql`
          insert into layouts (id, name, grade_system)
          select gen_random_uuid(), s, s from unnest(array['V', 'Font']) s`);
        await db.execute(sql`
          insert into climbs (id, layout_id, name, grade)
          select gen_random_uuid(), l.id, 'c' || n, 'V1'
          from layouts l cross join generate_series(1, 4) n`);
        // 8 climbers × 6 sessions × 12 routes, one session in seven deleted, opinions of both
        // systems and none, stars or none, several routes in one whole second.
        await db.execute(sql`
          insert into users (email, password_hash)
          select 'old-' || i || '@sendlog.test', 'x' from generate_series(1, 8) i`);
        await db.execute(sql`
          insert into climbing_sessions (id, user_id, idempotency_key, start_time, revision,
            updated_at, change_seq, deleted_at)
          select gen_random_uuid(), u.id, 'k' || n, t, 1, t, n,
                 case when (n + length(u.email)) % 7 = 0 then t end
          from users u cross join generate_series(1, 6) n
          cross join lateral (select timestamptz '2026-10-01T18:00:00Z' + n * interval '1 day' as t) d`);
        await db.execute(sql`
          with cl as (select id, grade, (row_number() over (order by id) - 1)::int as n from climbs),
               ss as (select id, start_time, (row_number() over (order by id))::int as n
                      from climbing_sessions)
          insert into session_routes (id, session_id, client_route_id, climb_id, grade, position,
            is_success, attempts, rating, grade_opinion, logged_at, updated_at)
          select gen_random_uuid(), ss.id, 'r' || k, cl.id, cl.grade, k, (k + ss.n) % 3 <> 0, 1,
                 case when (k + ss.n) % 4 = 0 then null else 1 + (k * 7 + ss.n) % 5 end,
                 (array[null, 'V3', ' v5', '6a+', '7C', 'soft', 'V10'])[1 + (k * 5 + ss.n) % 7],
                 ss.start_time + (k / 3) * interval '1 second' + k * interval '10 milliseconds',
                 ss.start_time
          from ss cross join generate_series(0, 11) k
          join cl on cl.n = (k * 5 + ss.n) % 8`);

        await migrateUntil(db, journal.entries.length);
        const [kept, oracle] = await Promise.all([
          queryRows<CommunityRow>(db, communityQuery(sql`true`)),
          queryRows<CommunityRow>(db, communityFromRoutesQuery(sql`true`)),
        ]);
        const byClimb = (rows: CommunityRow[]) =>
          rows.map((r) => JSON.stringify(r)).sort((a, b) => a.localeCompare(b));
        expect(kept).toHaveLength(8);
        expect(byClimb(kept)).toEqual(byClimb(oracle));
      } finally {
        await database.close();
        await created.drop();
      }
    },
    SERVER_START_TIMEOUT,
  );
});
