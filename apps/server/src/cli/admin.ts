import { createGymBodySchema, gymRoleSchema, issuesToDetails, roleSchema } from '@sendlog/contract';
import { rebuildCommunity } from '../catalogue/community-aggregate.js';
import type { Database } from '../db/connection.js';
import { createGym, findGym } from '../gyms/gym-repository.js';
import { setStaffRole } from '../gyms/staff-repository.js';
import { grantRole } from '../users/roles.js';
import { withServerDatabase } from './database.js';

/**
 * Operator commands, on the server's own database (see database.ts):
 * - `grant <email> <climber|setter|admin>`: `admin` makes a server admin (the way to make the
 *   first one; later ones can be made from the API), `setter` a setter of the server's only gym.
 * - `create-gym <name> --timezone <zone> [--slug s] [--city c] [--country c] [--grades V|Font]`.
 * - `staff <gym slug or id> <email> <admin|setter|none>`: a gym's staff (`none` removes).
 * - `rebuild-community`: recomputes the climbs' community view from every route, after routes
 *   were written around the API (a script, a restore of some tables) or by an older server
 *   during a rolling deploy; the API keeps it up to date by itself otherwise.
 */
const USAGE = [
  'usage: npm run admin -- grant <email> <climber|setter|admin>',
  '       npm run admin -- create-gym <name> --timezone <zone> [--slug <slug>] [--city <city>]',
  '                                   [--country <country>] [--grades V|Font]',
  '       npm run admin -- staff <gym slug or id> <email> <admin|setter|none>',
  '       npm run admin -- rebuild-community',
].join('\n');

const fail = (code: number, message: string): number => {
  process.stderr.write(`${message}\n`);
  return code;
};

async function grant(email: string, roleArg: string): Promise<number> {
  const role = roleSchema.safeParse(roleArg);
  if (!role.success) {
    return fail(2, `role must be climber, setter or admin, got "${roleArg}"\n${USAGE}`);
  }
  return withServerDatabase(async (database) => {
    const granted = await grantRole(database.db, email, role.data);
    if (granted.ok) {
      process.stdout.write(`${granted.user.email} is now ${granted.user.role}\n`);
      return 0;
    }
    if (granted.reason === 'no_account') {
      return fail(1, `no account with the email ${email}: create it in the app first`);
    }
    return fail(
      1,
      'setter needs a server with exactly one gym: name the gym with ' +
        '`npm run admin -- staff <gym> <email> setter`',
    );
  });
}

/** `--name value` pairs after the positional arguments. */
function options(args: string[]): Record<string, string> | undefined {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    if (!flag.startsWith('--') || value === undefined) return undefined;
    found[flag.slice(2)] = value;
  }
  return found;
}

async function createGymCommand(name: string, rest: string[]): Promise<number> {
  const o = options(rest);
  if (!o) return fail(2, USAGE);
  const parsed = createGymBodySchema.safeParse({
    name,
    timeZone: o.timezone,
    ...(o.slug !== undefined ? { slug: o.slug } : {}),
    ...(o.city !== undefined ? { city: o.city } : {}),
    ...(o.country !== undefined ? { country: o.country } : {}),
    ...(o.grades !== undefined ? { gradeSystem: o.grades } : {}),
  });
  const unknown = Object.keys(o).filter(
    (k) => !['timezone', 'slug', 'city', 'country', 'grades'].includes(k),
  );
  if (!parsed.success || unknown.length > 0) {
    const flag = (path: string) =>
      ({ timeZone: '--timezone', gradeSystem: '--grades', name: '<name>' })[path] ?? `--${path}`;
    const problems = parsed.success
      ? []
      : issuesToDetails(parsed.error.issues).map((d) => `${flag(d.path)} ${d.message}`);
    return fail(
      2,
      [...problems, ...unknown.map((k) => `--${k} is not an option`), USAGE].join('\n'),
    );
  }
  return withServerDatabase(async (database) => {
    const created = await createGym(database.db, parsed.data);
    if (!created.ok) return fail(1, `the slug ${parsed.data.slug} is another gym's already`);
    process.stdout.write(`created the gym ${parsed.data.name}: ${created.slug} (${created.id})\n`);
    return 0;
  });
}

async function staffCommand(gymArg: string, email: string, roleArg: string): Promise<number> {
  const role = roleArg === 'none' ? null : gymRoleSchema.safeParse(roleArg).data;
  if (role === undefined) {
    return fail(2, `role must be admin, setter or none, got "${roleArg}"\n${USAGE}`);
  }
  return withServerDatabase(async (database: Database) => {
    const gym = await findGym(database.db, gymArg, null);
    if (!gym) return fail(1, `no gym with the slug or id ${gymArg}`);
    const change = await setStaffRole(database.db, gym.id, email, role);
    if (change === 'no_account') {
      return fail(1, `no account with the email ${email}: create it in the app first`);
    }
    if (change === 'last_gym_admin') {
      return fail(1, `${email} is the last admin of ${gym.name}: make another admin first`);
    }
    if (change === 'no_gym') return fail(1, `no gym with the slug or id ${gymArg}`);
    process.stdout.write(
      role === null
        ? `${email} is no longer on the staff of ${gym.name}\n`
        : `${email} is now ${role} of ${gym.name}\n`,
    );
    return 0;
  });
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'grant' && rest.length === 2) return grant(rest[0]!, rest[1]!);
  if (command === 'create-gym' && rest.length >= 1)
    return createGymCommand(rest[0]!, rest.slice(1));
  if (command === 'staff' && rest.length === 3) return staffCommand(rest[0]!, rest[1]!, rest[2]!);
  if (command === 'rebuild-community' && rest.length === 0) {
    return withServerDatabase(async (database) => {
      const started = Date.now();
      await rebuildCommunity(database.db);
      process.stdout.write(
        `community view rebuilt from every route in ${Date.now() - started} ms\n`,
      );
      return 0;
    });
  }
  return fail(2, USAGE);
}

process.exitCode = await main(process.argv.slice(2));
