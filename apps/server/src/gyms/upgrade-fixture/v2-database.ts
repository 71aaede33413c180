import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseOptions } from '../../db/connection.js';
import { migrateUnderLock } from '../../db/migrate.js';

/** A JSON file of this folder (recorded with the release before gyms by record-v2.ts). */
export const upgradeFixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

/** Every table's rows as the release before gyms wrote them through its own API. */
export const V2_ROWS = upgradeFixture('v2-database.json') as Record<string, unknown[]>;
/** The last migration of the release before gyms. */
export const LAST_V2_MIGRATION = '0006_community_one_level';

/** A database as the release before gyms left it: its migrations, its rows. */
export async function v2Database(options: DatabaseOptions, rows = V2_ROWS): Promise<void> {
  const database = await openDatabase(options);
  try {
    await migrateUnderLock(database, async () => undefined, { upTo: LAST_V2_MIGRATION });
    for (const [table, list] of Object.entries(rows)) {
      const t = sql.identifier(table);
      await database.db.execute(
        sql`insert into ${t} select * from json_populate_recordset(null::${t}, ${JSON.stringify(list)}::json)`,
      );
    }
  } finally {
    await database.close();
  }
}
