import { resolve } from 'node:path';
import type { Gym } from '@sendlog/contract';
import { GymFileError, readGymFile } from '../catalogue/gym-file.js';
import { importGym, type ImportCounts } from '../catalogue/gym-import.js';
import { PICTURE_RETENTION_DAYS, sweepPictures } from '../catalogue/picture-retirement.js';
import type { Db } from '../db/connection.js';
import { allGymIds, findGym } from '../gyms/gym-repository.js';
import { withServerDatabase } from './database.js';

/**
 * `npm run import-gym -- <folder> [--gym <slug or id>]`: imports `<folder>/gym.json` and the
 * pictures beside it into a gym of the server's database (DATABASE_URL, else the embedded one
 * in SENDLOG_DATA_DIR — stop the server first then): the gym named, or the server's only gym.
 * Run it again after editing the file: only what changed is written.
 */
const USAGE = 'usage: npm run import-gym -- <folder with gym.json> [--gym <gym slug or id>]';

const line = (what: string, c: ImportCounts) =>
  `${what}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

/** The folder and the `--gym` option, in either order. */
function parseArgs(args: string[]): { folder: string; gym?: string } | undefined {
  const at = args.indexOf('--gym');
  if (at < 0) return args.length === 1 ? { folder: args[0]! } : undefined;
  const gym = args[at + 1];
  const rest = args.filter((_, i) => i !== at && i !== at + 1);
  return gym !== undefined && rest.length === 1 ? { folder: rest[0]!, gym } : undefined;
}

/** The gym named, else the only one; a message saying what to do otherwise. */
async function targetGym(db: Db, named: string | undefined): Promise<Gym | string> {
  if (named !== undefined)
    return (await findGym(db, named, null)) ?? `no gym with the slug or id ${named}`;
  const ids = await allGymIds(db, 2);
  if (ids.length === 1) return (await findGym(db, ids[0]!, null))!;
  return ids.length === 0
    ? 'this server has no gym yet: create one with `npm run admin -- create-gym`'
    : 'this server has several gyms: name one with --gym <slug>';
}

async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let file;
  try {
    // npm runs workspace scripts in the package folder; a path is meant from where it was typed.
    file = await readGymFile(resolve(process.env.INIT_CWD ?? process.cwd(), parsed.folder));
  } catch (error) {
    if (!(error instanceof GymFileError)) throw error;
    process.stderr.write(`${error.message}\nnothing was imported\n`);
    return 1;
  }
  return withServerDatabase(async (database) => {
    const gym = await targetGym(database.db, parsed.gym);
    if (typeof gym === 'string') {
      process.stderr.write(`${gym}\nnothing was imported\n`);
      return 1;
    }
    const report = await importGym(database.db, file, { gymId: gym.id });
    const sweep = await sweepPictures(database.db);
    process.stdout.write(
      [
        `into ${gym.name} (${gym.slug})`,
        line('layouts', report.layouts),
        line('climbs', report.climbs),
        `pictures: ${report.pictures.created} stored, ${report.pictures.unchanged} already there`,
        `pictures no layout shows: ${sweep.retired} kept ${PICTURE_RETENTION_DAYS} days from now, ${sweep.deleted} deleted`,
      ].join('\n') + '\n',
    );
    return 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
