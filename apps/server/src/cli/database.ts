import { parseEnvironment, upgradeGymOf } from '../config/environment.js';
import { openDatabase, type Database } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { afterUpgrade } from '../gyms/upgrade-gym.js';

/**
 * Runs an operator command on the server's own database: DATABASE_URL, else the embedded one in
 * SENDLOG_DATA_DIR (stop the server first then: an embedded database opens in one process at a
 * time), migrated first as the server would (a database from before gyms becomes the gym named
 * by SENDLOG_GYM_NAME / SENDLOG_GYM_TIMEZONE). Answers the command's exit code.
 */
export async function withServerDatabase(
  run: (database: Database) => Promise<number>,
): Promise<number> {
  const parsed = parseEnvironment(process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const database = await openDatabase({
    databaseUrl: parsed.environment.DATABASE_URL,
    dataDir: parsed.environment.SENDLOG_DATA_DIR,
  });
  try {
    await migrateUnderLock(database, afterUpgrade(upgradeGymOf(parsed.environment)));
    return await run(database);
  } finally {
    await database.close();
  }
}
