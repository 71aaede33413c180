import { randomUUID } from 'node:crypto';
import { DEMO_SETTER, type AuthResponse, type Role } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { resolveTokenSecret } from '../auth/secret.js';
import { tokenSigner } from '../auth/tokens.js';
import { openDatabase, type Db } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { queryRows } from '../db/sql.js';
import { seedDemo } from '../demo/seed.js';
import type { Backend } from './index.js';
import { grantRole } from '../users/roles.js';
import { client } from './client.js';

const MANY = { max: 1_000_000, timeWindowMs: 60_000 };

/**
 * The app in process, with the demo gym, and a handle on its database: for tests that must look
 * at rows (nothing written), grant roles or install a failing trigger while the app runs. One
 * gym, as a server before gyms had: `signedIn('setter')` is that gym's setter.
 */
export async function appWithDatabase(backend: Backend) {
  const created = await backend.createDatabase();
  const database = await openDatabase(created.options);
  await migrateUnderLock(database, (db) => seedDemo(db, { secondGym: false }));
  const db = database.db;
  const app = await buildApp(
    {
      db,
      databaseKind: database.kind,
      signer: tokenSigner(await resolveTokenSecret(db, undefined)),
      now: Date.now,
      loginRateLimit: MANY,
      registerRateLimit: MANY,
    },
    { logger: false },
  );
  await app.ready();
  return {
    app,
    db,
    /** A new account with this role, signed in. */
    signedIn: (role: Role) => signedIn(app, db, role),
    /** The demo setter, signed in as the app's user would. */
    demoSetter: async () => {
      const res = await client(app).post<AuthResponse>('/auth/login', DEMO_SETTER);
      return client(app, res.body.token);
    },
    /** Row counts of the catalogue's tables. */
    catalogueRows: () => catalogueRows(db),
    close: async () => {
      await app.close();
      await database.close();
      await created.drop();
    },
  };
}
export type AppWithDatabase = Awaited<ReturnType<typeof appWithDatabase>>;

async function signedIn(app: FastifyInstance, db: Db, role: Role) {
  const email = `${role}-${randomUUID()}@test.sendlog.app`;
  const res = await client(app).post<AuthResponse>('/auth/register', {
    email,
    password: 'correct horse battery',
    name: role,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status}`);
  if (role !== 'climber') await grantRole(db, email, role);
  return { ...res.body, email, api: client(app, res.body.token) };
}

/**
 * Counts and content hashes of the catalogue, the gyms (their staff and followers) and the
 * accounts: any change in a row shows.
 */
export async function catalogueRows(db: Db): Promise<Record<string, number | string>> {
  const [row] = await queryRows<Record<string, number | string>>(db, CATALOGUE_FINGERPRINT);
  return row!;
}

const CATALOGUE_FINGERPRINT = sql`select
  (select count(*)::int from layouts) as layouts,
  (select count(*)::int from climbs) as climbs,
  (select count(*)::int from climbs where archived) as archived_climbs,
  (select count(*)::int from wall_images) as wall_images,
  (select md5(coalesce(string_agg(l::text, ',' order by l.id), '')) from layouts l) as layouts_hash,
  (select md5(coalesce(string_agg(c::text, ',' order by c.id), '')) from climbs c) as climbs_hash,
  (select md5(coalesce(string_agg(u.id::text || u.role || u.grade_system || coalesce(u.name, ''), ',' order by u.id), '')) from users u) as users_hash,
  (select md5(coalesce(string_agg(g::text, ',' order by g.id), '')) from gyms g) as gyms_hash,
  (select md5(coalesce(string_agg(s::text, ',' order by s.gym_id, s.user_id), '')) from gym_staff s) as staff_hash,
  (select md5(coalesce(string_agg(f::text, ',' order by f.user_id, f.gym_id), '')) from gym_follows f) as follows_hash`;
