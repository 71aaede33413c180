import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../db/connection.js';
import { users } from '../db/schema.js';
import { startServer } from '../index.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { newUser } from '../test-support/client.js';

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
});
