import { resolve } from 'node:path';
import { GymFileError, readGymFile } from '../catalogue/gym-file.js';
import { importGym, type ImportCounts } from '../catalogue/gym-import.js';
import { PICTURE_RETENTION_DAYS, sweepPictures } from '../catalogue/picture-retirement.js';
import { openDatabase } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';

/**
 * `npm run import-gym -- <folder>`: imports `<folder>/gym.json` and the pictures beside it into
 * the server's database (DATABASE_URL, else the embedded one in SENDLOG_DATA_DIR — stop the
 * server first then). Run it again after editing the file: only what changed is written.
 */
const line = (what: string, c: ImportCounts) =>
  `${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    process.stderr.write('usage: npm run import-gym -- <folder with gym.json>\n');
    return 2;
  }
  let gym;
  try {
    // npm runs workspace scripts in the package folder; a path is meant from where it was typed.
    gym = await readGymFile(resolve(process.env.INIT_CWD ?? process.cwd(), args[0]!));
  } catch (error) {
    if (!(error instanceof GymFileError)) throw error;
    process.stderr.write(`${error.message}\nnothing was imported\n`);
    return 1;
  }
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.SENDLOG_DATA_DIR || './.sendlog-data',
  });
  try {
    await migrateUnderLock(database, async () => undefined);
    const report = await importGym(database.db, gym);
    const sweep = await sweepPictures(database.db);
    process.stdout.write(
      [
        line('layouts', report.layouts),
        line('climbs', report.climbs),
        `pictures: ${report.pictures.created} stored, ${report.pictures.unchanged} already there`,
        `pictures no layout shows: ${sweep.retired} kept ${PICTURE_RETENTION_DAYS} days from now, ${sweep.deleted} deleted`,
      ].join('\n') + '\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
