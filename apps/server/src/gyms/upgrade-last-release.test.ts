import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rebuildCommunity } from '../catalogue/community-aggregate.js';
import { drainCommunityOutbox } from '../catalogue/community-fold.js';
import { openDatabase } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { queryRows } from '../db/sql.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { v2Database } from './upgrade-fixture/v2-database.js';
import { afterUpgrade } from './upgrade-gym.js';

/**
 * The schemas of the last landed releases end at these migrations: 0008 before unlisted climbs
 * (0009) and the user in every session-side key (0010, which rebuilds the primary keys); 0010
 * before the community outbox carried values and routes by climb were indexed under their
 * climber (0011).
 */
const RELEASES = [
  { migration: '0008_read_leases_picture_retirement' },
  { migration: '0010_co_located_sessions' },
];

type Snapshot = Map<string, { columns: string[]; rows: string[] }>;

/** Every table's rows, as sorted JSON of the given columns (all of them when none are given). */
async function snapshot(
  db: Parameters<typeof queryRows>[0],
  columnsOf?: Snapshot,
): Promise<Snapshot> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Snapshot = new Map();
  for (const { table_name: table } of tables) {
    const columns =
      columnsOf?.get(table)?.columns ??
      (
        await queryRows<{ column_name: string }>(
          db,
          sql`select column_name from information_schema.columns
              where table_schema = 'public' and table_name = ${table} order by column_name`,
        )
      ).map((c) => c.column_name);
    const picked = sql.join(
      columns.map((c) => sql`${c}::text, ${sql.identifier(c)}`),
      sql`, `,
    );
    const rows = await queryRows<{ row: unknown }>(
      db,
      sql`select jsonb_build_object(${picked}) as row from ${sql.identifier(table)}`,
    );
    out.set(table, { columns, rows: rows.map((r) => JSON.stringify(r.row)).sort() });
  }
  return out;
}

describe.each(BACKENDS)('upgrading the last releases’ databases on $name', (backend) => {
  it.each(RELEASES)(
    'keeps every row of every table from $migration, each route and tombstone under its session’s climber',
    async ({ migration }) => {
      const db = await backend.createSharedDatabase(`upgrade_${migration.slice(0, 4)}`);
      try {
        // Recorded rows (sessions, routes, tombstones, the community view, accounts), brought to
        // the last release's schema the way that release's server would have on start.
        await v2Database(db.options);
        const database = await openDatabase(db.options);
        try {
          await migrateUnderLock(database, afterUpgrade(undefined), { upTo: migration });
          if (migration >= '0010') {
            // A write of that release queued the community view of every pair: no values.
            await database.db.execute(
              sql`insert into community_outbox (user_id, climb_id)
                  select distinct user_id, climb_id from session_routes where climb_id is not null`,
            );
          }
          const before = await snapshot(database.db);
          expect(before.get('session_routes')?.rows.length).toBeGreaterThan(0);
          expect(before.get('route_tombstones')?.rows.length).toBeGreaterThan(0);

          await migrateUnderLock(database, afterUpgrade(undefined));
          const after = await snapshot(database.db, before);
          for (const [table, { rows }] of before) expect(after.get(table)?.rows).toEqual(rows);

          const misfiled = await queryRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from (
                  select r.user_id, s.user_id as owner from session_routes r
                    left join climbing_sessions s on s.id = r.session_id
                  union all
                  select t.user_id, s.user_id from route_tombstones t
                    left join climbing_sessions s on s.id = t.session_id
                ) x where x.owner is distinct from x.user_id`,
          );
          expect(misfiled[0]?.n).toBe(0);

          // What the older release queued is recomputed: the view then equals a rebuild.
          await drainCommunityOutbox(database.db);
          const folded = await snapshot(database.db);
          await rebuildCommunity(database.db);
          expect((await snapshot(database.db)).get('climb_climber_stats')).toEqual(
            folded.get('climb_climber_stats'),
          );
        } finally {
          await database.close();
        }
      } finally {
        await db.drop();
      }
    },
    SERVER_START_TIMEOUT,
  );
});
