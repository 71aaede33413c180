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

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real command line, as an operator would, against the given database. */
async function admin(args: string[], db: DatabaseOptions) {
  const env = { ...process.env, DATABASE_URL: db.databaseUrl ?? '', SENDLOG_DATA_DIR: db.dataDir };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/admin.ts', ...args],
      {
        cwd: SERVER_DIR,
        env,
      },
    );
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
});
