import { roleSchema } from '@sendlog/contract';
import { openDatabase } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { grantRole } from '../users/roles.js';

/**
 * `npm run admin -- grant <email> <climber|setter|admin>`: the way to make a gym's first admin
 * (later ones can be made from the API by an admin). Uses the server's own database settings:
 * DATABASE_URL, else the embedded database in SENDLOG_DATA_DIR (stop the server first: an
 * embedded database opens in one process at a time).
 */
const USAGE = 'usage: npm run admin -- grant <email> <climber|setter|admin>';

async function main(args: string[]): Promise<number> {
  const [command, email, roleArg] = args;
  if (command !== 'grant' || !email || !roleArg) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const role = roleSchema.safeParse(roleArg);
  if (!role.success) {
    process.stderr.write(`role must be climber, setter or admin, got "${roleArg}"\n${USAGE}\n`);
    return 2;
  }
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.SENDLOG_DATA_DIR || './.sendlog-data',
  });
  try {
    await migrateUnderLock(database, async () => undefined);
    const granted = await grantRole(database.db, email, role.data);
    if (!granted) {
      process.stderr.write(`no account with the email ${email}: create it in the app first\n`);
      return 1;
    }
    process.stdout.write(`${granted.email} is now ${granted.role}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
