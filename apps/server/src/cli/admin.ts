import { roleSchema } from '@sendlog/contract';
import { rebuildCommunity } from '../catalogue/community-aggregate.js';
import { openDatabase, type Database } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { grantRole } from '../users/roles.js';

/**
 * `npm run admin -- grant <email> <climber|setter|admin>`: the way to make a gym's first admin
 * (later ones can be made from the API by an admin).
 * `npm run admin -- rebuild-community`: recomputes the climbs' community view from every route,
 * after routes were written around the API (a script, a restore of some tables) or by an older
 * server during a rolling deploy; the API keeps it up to date by itself otherwise.
 * Both use the server's own database settings: DATABASE_URL, else the embedded database in
 * SENDLOG_DATA_DIR (stop the server first: an embedded database opens in one process at a time).
 */
const USAGE = [
  'usage: npm run admin -- grant <email> <climber|setter|admin>',
  '       npm run admin -- rebuild-community',
].join('\n');

async function withDatabase(run: (database: Database) => Promise<number>): Promise<number> {
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.SENDLOG_DATA_DIR || './.sendlog-data',
  });
  try {
    await migrateUnderLock(database, async () => undefined);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function grant(email: string, roleArg: string): Promise<number> {
  const role = roleSchema.safeParse(roleArg);
  if (!role.success) {
    process.stderr.write(`role must be climber, setter or admin, got "${roleArg}"\n${USAGE}\n`);
    return 2;
  }
  return withDatabase(async (database) => {
    const granted = await grantRole(database.db, email, role.data);
    if (!granted) {
      process.stderr.write(`no account with the email ${email}: create it in the app first\n`);
      return 1;
    }
    process.stdout.write(`${granted.email} is now ${granted.role}\n`);
    return 0;
  });
}

async function main(args: string[]): Promise<number> {
  const [command, email, roleArg] = args;
  if (command === 'grant' && email && roleArg && args.length === 3) return grant(email, roleArg);
  if (command === 'rebuild-community' && args.length === 1) {
    return withDatabase(async (database) => {
      const started = Date.now();
      await rebuildCommunity(database.db);
      process.stdout.write(
        `community view rebuilt from every route in ${Date.now() - started} ms\n`,
      );
      return 0;
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
