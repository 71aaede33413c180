import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database, Db } from './connection.js';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Any constant works; it only has to be the same in every Sendlog process. */
const STARTUP_LOCK_KEY = 7_342_001;

export interface MigrateOptions {
  /** Apply the migrations up to this tag only (`0006_community_one_level`): tests of upgrades. */
  upTo?: string;
}

/**
 * Applies the committed drizzle-kit migrations, then `afterMigrate` (what SQL cannot do: naming
 * the gym an upgraded database became, see gyms/upgrade-gym.ts; the demo seed), while holding a
 * PostgreSQL advisory lock: API processes that start together take turns instead of racing.
 */
export async function migrateUnderLock(
  database: Database,
  afterMigrate: (db: Db) => Promise<void>,
  o: MigrateOptions = {},
): Promise<void> {
  await database.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`);
    try {
      const migrations = migrationsUpTo(o.upTo);
      // Both drivers share the pg-core dialect's migrate(); `db` is typed as the common base.
      const internals = db as unknown as {
        dialect: { migrate(m: typeof migrations, session: unknown, c: object): Promise<void> };
        session: unknown;
      };
      await internals.dialect.migrate(migrations, internals.session, {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
      await afterMigrate(db);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`);
    }
  });
}

/** The migrations in journal order, up to and including the one tagged `upTo` (all without). */
function migrationsUpTo(upTo: string | undefined) {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  if (upTo === undefined) return migrations;
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === upTo);
  if (last < 0) throw new Error(`no migration tagged ${upTo}`);
  return migrations.slice(0, last + 1);
}
