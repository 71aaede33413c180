import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../db/connection.js';
import { users } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import { startServer } from '../index.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { newUser } from '../testing/client.js';
import { DEMO_GYM_DIR, DEMO_LAYOUTS } from '../demo/gym.js';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real command line, as an operator would, against the given database. */
async function admin(args: string[], db: DatabaseOptions, script = 'src/cli/admin.ts') {
  const env = { ...process.env, DATABASE_URL: db.databaseUrl ?? '', SENDLOG_DATA_DIR: db.dataDir };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: SERVER_DIR,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function roleOf(db: DatabaseOptions, email: string): Promise<string | undefined> {
  const database = await openDatabase(db);
  try {
    const [row] = await database.db
      .select({ role: users.role })
      .from(users)
      .where(eq(users.email, email));
    return row?.role;
  } finally {
    await database.close();
  }
}

/** The per-climber rows of the community view, in a stable order. */
async function communityRows(db: DatabaseOptions): Promise<unknown[]> {
  const database = await openDatabase(db);
  try {
    return await queryRows<unknown>(
      database.db,
      sql`select * from climb_climber_stats order by climb_id, user_id`,
    );
  } finally {
    await database.close();
  }
}

async function wipeCommunity(db: DatabaseOptions): Promise<void> {
  const database = await openDatabase(db);
  try {
    await database.db.execute(sql`delete from climb_climber_stats`);
  } finally {
    await database.close();
  }
}

describe.each(BACKENDS)('npm run admin on $name', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it(
    'makes an existing account admin, refuses unknown accounts and roles',
    async () => {
      // Shared: the command runs in another process (an embedded database lives in a folder).
      const created = await backend.createSharedDatabase('admin_cli');
      cleanups.push(created.drop);
      const db: DatabaseOptions = created.options;
      const server = await startServer({ ...db, demo: false, logger: false });
      const climber = await newUser(server.app);
      await server.close();
      expect(await roleOf(db, climber.email)).toBe('climber');

      const granted = await admin(['grant', climber.email.toUpperCase(), 'admin'], db);
      expect(granted).toMatchObject({ code: 0, stdout: `${climber.email} is now admin\n` });
      expect(await roleOf(db, climber.email)).toBe('admin');

      const unknown = await admin(['grant', 'nobody@example.com', 'setter'], db);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no account with the email nobody@example.com');

      const badRole = await admin(['grant', climber.email, 'owner'], db);
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toContain('role must be climber, setter or admin');
      expect(await roleOf(db, climber.email)).toBe('admin');
    },
    SERVER_START_TIMEOUT,
  );

  it(
    'rebuilds the community view from the routes, as the API had kept it',
    async () => {
      const created = await backend.createSharedDatabase('admin_cli_community');
      cleanups.push(created.drop);
      const db: DatabaseOptions = created.options;
      const server = await startServer({ ...db, demo: true, logger: false });
      const climber = await newUser(server.app);
      const [layout] = (await climber.api.get<{ layouts: { id: string }[] }>('/layouts')).body
        .layouts;
      const climbs = (
        await climber.api.get<{ climbs: { id: string }[] }>(`/layouts/${layout!.id}/climbs`)
      ).body.climbs;
      const logged = await climber.api.post('/sessions/offline', {
        startTime: '2026-11-20T18:00:00.000Z',
        endTime: '2026-11-20T19:00:00.000Z',
        routes: climbs.slice(0, 3).map((c, i) => ({
          climbId: c.id,
          isSuccess: i !== 1,
          attempts: i + 1,
          rating: 4,
          gradeOpinion: null,
        })),
      });
      expect(logged.status).toBeLessThan(300);
      await server.close();

      const kept = await communityRows(db);
      expect(kept).toHaveLength(3);
      await wipeCommunity(db);
      expect(await communityRows(db)).toEqual([]);

      const rebuilt = await admin(['rebuild-community'], db);
      expect(rebuilt.code).toBe(0);
      expect(rebuilt.stdout).toMatch(/^community view rebuilt from every route in \d+ ms\n$/);
      expect(await communityRows(db)).toEqual(kept);

      const wrong = await admin(['rebuild-community', 'now'], db);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('npm run admin -- rebuild-community');
    },
    SERVER_START_TIMEOUT,
  );

  it(
    'creates gyms, names their staff and imports walls into the one named',
    async () => {
      const created = await backend.createSharedDatabase('admin_cli_gyms');
      cleanups.push(created.drop);
      const db: DatabaseOptions = created.options;
      const server = await startServer({ ...db, demo: false, logger: false });
      const ana = await newUser(server.app);
      const ben = await newUser(server.app);
      await server.close();
      const rows = async <T>(query: ReturnType<typeof sql>) => {
        const database = await openDatabase(db);
        try {
          return await queryRows<T>(database.db, query);
        } finally {
          await database.close();
        }
      };
      const importGym = (args: string[]) => admin(args, db, 'src/cli/import-gym.ts');

      // A new server has no gym: nothing to import into yet.
      const nowhere = await importGym([DEMO_GYM_DIR]);
      expect(nowhere.code).toBe(1);
      expect(nowhere.stderr).toContain('this server has no gym yet');

      const made = await admin(
        ['create-gym', 'Boulderwerk Zürich', '--timezone', 'Europe/Zurich', '--city', 'Zürich'],
        db,
      );
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toMatch(
        /^created the gym Boulderwerk Zürich: boulderwerk-zurich \([0-9a-f-]{36}\)\n$/,
      );
      const badZone = await admin(['create-gym', 'Nowhere', '--timezone', '+01:00'], db);
      expect(badZone.code).toBe(2);
      expect(badZone.stderr).toContain('--timezone must be an IANA time zone');
      const taken = await admin(
        ['create-gym', 'Copy', '--timezone', 'UTC', '--slug', 'boulderwerk-zurich'],
        db,
      );
      expect(taken.code).toBe(1);

      const staff = await admin(['staff', 'boulderwerk-zurich', ana.email, 'admin'], db);
      expect(staff).toMatchObject({
        code: 0,
        stdout: `${ana.email} is now admin of Boulderwerk Zürich\n`,
      });
      expect((await admin(['staff', 'boulderwerk-zurich', ben.email, 'setter'], db)).code).toBe(0);
      const last = await admin(['staff', 'boulderwerk-zurich', ana.email, 'none'], db);
      expect(last.code).toBe(1);
      expect(last.stderr).toContain('is the last admin of Boulderwerk Zürich');
      expect((await admin(['staff', 'no-such-gym', ben.email, 'setter'], db)).code).toBe(1);
      expect((await admin(['staff', 'boulderwerk-zurich', ben.email, 'owner'], db)).code).toBe(2);
      expect(
        await rows(sql`select u.email, s.role from gym_staff s join users u on u.id = s.user_id
                       order by s.role`),
      ).toEqual([
        { email: ana.email, role: 'admin' },
        { email: ben.email, role: 'setter' },
      ]);

      // One gym: the import needs no --gym, and keeps the ids the file's keys always had.
      const first = await importGym([DEMO_GYM_DIR]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain(
        'into Boulderwerk Zürich (boulderwerk-zurich)\nlayouts: 2 created',
      );
      expect((await admin(['create-gym', 'Second Gym', '--timezone', 'UTC'], db)).code).toBe(0);
      // Two gyms: grant setter names no gym, the import must be told which.
      const grant = await admin(['grant', ben.email, 'setter'], db);
      expect(grant.code).toBe(1);
      expect(grant.stderr).toContain('npm run admin -- staff <gym> <email> setter');
      const which = await importGym([DEMO_GYM_DIR]);
      expect(which.code).toBe(1);
      expect(which.stderr).toContain('name one with --gym <slug>');
      const second = await importGym(['--gym', 'second-gym', DEMO_GYM_DIR]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain('into Second Gym (second-gym)\nlayouts: 2 created');
      const walls = await rows<{ slug: string; id: string }>(
        sql`select g.slug, l.id from layouts l join gyms g on g.id = l.gym_id order by g.slug, l.id`,
      );
      const legacy = DEMO_LAYOUTS.map((l) => l.id);
      expect(
        walls
          .filter((w) => w.slug === 'boulderwerk-zurich')
          .map((w) => w.id)
          .sort(),
      ).toEqual([...legacy].sort());
      const secondIds = walls.filter((w) => w.slug === 'second-gym').map((w) => w.id);
      expect(secondIds).toHaveLength(2);
      expect(secondIds.filter((id) => legacy.includes(id))).toEqual([]);
    },
    SERVER_START_TIMEOUT,
  );
});
