import { DEMO_ACCOUNT, DEMO_SETTER } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/connection.js';
import { layoutIdOf, readGymFile, type GymCatalogue } from '../catalogue/gym-file.js';
import { importGym } from '../catalogue/gym-import.js';
import { queryRows } from '../db/sql.js';
import { users } from '../db/schema.js';
import { foldForSearch } from '../gyms/search-text.js';
import {
  DEMO_GYM,
  DEMO_SETTER_NAME,
  DEMO_USER_NAME,
  SECOND_DEMO_GYM,
  type DemoGym,
} from './gym.js';

export interface DemoOptions {
  /**
   * Also the second, smaller gym (default true: demo mode shows many gyms). The test kit leaves
   * it out: the suites written before gyms check v2 answers, which a server of one gym gives.
   */
  secondGym?: boolean;
}

/**
 * Demo accounts + demo gyms. Idempotent: safe on every start, never overwrites user changes (an
 * account's follows and staff roles are set when the seed creates it, never again).
 */
export async function seedDemo(db: Db, o: DemoOptions = {}): Promise<void> {
  const first = await readGymFile(DEMO_GYM.dir);
  const gymId = await ensureGym(db, DEMO_GYM, first);
  await importGym(db, first, { gymId, keepExisting: true });
  const climber = await ensureAccount(db, DEMO_ACCOUNT, DEMO_USER_NAME);
  if (climber) {
    await db.execute(sql`insert into gym_follows (user_id, gym_id) values (${climber}, ${gymId})
                         on conflict do nothing`);
  }
  const setter = await ensureAccount(db, DEMO_SETTER, DEMO_SETTER_NAME);
  if (setter) {
    await db.execute(sql`insert into gym_staff (gym_id, user_id, role) values (${gymId}, ${setter}, 'setter')
                         on conflict do nothing`);
  }
  if (o.secondGym !== false) {
    const file = await readGymFile(SECOND_DEMO_GYM.dir);
    const second = await ensureGym(db, SECOND_DEMO_GYM, file);
    await importGym(db, file, { gymId: second, keepExisting: true });
  }
}

/**
 * The demo gym's id: the gym that holds its first wall already (a demo database from before
 * gyms, upgraded into one gym, keeps that gym as the demo gym), else the gym made now.
 */
async function ensureGym(db: Db, gym: DemoGym, file: GymCatalogue): Promise<string> {
  const firstWall = file.layouts[0] ? layoutIdOf(file.layouts[0].key) : null;
  const [holder] = await queryRows<{ gym_id: string }>(
    db,
    sql`select gym_id from layouts where id = ${firstWall}::uuid`,
  );
  if (holder) return holder.gym_id;
  await db.execute(sql`insert into gyms (id, slug, name, city, country, time_zone, grade_system,
                         search_name, search_city)
    values (${gym.id}, ${gym.slug}, ${gym.name}, ${gym.city}, ${gym.country}, ${gym.timeZone},
            ${gym.gradeSystem}, ${foldForSearch(gym.name)}, ${foldForSearch(gym.city)})
    on conflict (id) do nothing`);
  return gym.id;
}

/** The account's id when the seed created it now; undefined when it existed already. */
async function ensureAccount(
  db: Db,
  account: { email: string; password: string },
  name: string,
): Promise<string | undefined> {
  const existing = await db.query.users.findFirst({
    columns: { id: true },
    where: (u, { eq }) => eq(u.email, account.email),
  });
  if (existing) return undefined;
  const [created] = await db
    .insert(users)
    .values({ email: account.email, name, passwordHash: await hashPassword(account.password) })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return created?.id;
}
