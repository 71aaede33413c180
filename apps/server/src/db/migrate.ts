import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database, Db } from './connection.js';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Any constant works; it only has to be the same in every Sendlog process. */
const STARTUP_LOCK_KEY = 7_342_001;

/**
 * Applies the committed drizzle-kit migrations, then `afterMigrate` (the demo seed), while holding
 * a PostgreSQL advisory lock: API processes that start together take turns instead of racing.
 */
export async function migrateUnderLock(
  database: Database,
  afterMigrate: (db: Db) => Promise<void>,
): Promise<void> {
  await database.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`);
    try {
      const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
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
