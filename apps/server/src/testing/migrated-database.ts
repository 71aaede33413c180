import { openDatabase, type Database } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { seedDemo } from '../demo/seed.js';
import type { Backend } from './databases.js';

export interface MigratedDatabase {
  database: Database;
  /** Closes the connection and drops the database. */
  close(): Promise<void>;
}

/**
 * A fresh database of `backend`, migrated (and with the demo gym unless `seed` is false: one gym,
 * as before gyms), for tests that talk to the repositories directly rather than through HTTP.
 */
export async function openMigratedDatabase(
  backend: Backend,
  o: { seed?: boolean } = {},
): Promise<MigratedDatabase> {
  const created = await backend.createDatabase();
  const database = await openDatabase(created.options);
  await migrateUnderLock(database, (db) =>
    o.seed === false ? Promise.resolve() : seedDemo(db, { secondGym: false }),
  );
  return {
    database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}
