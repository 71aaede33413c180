import { DEMO_ACCOUNT, DEMO_SETTER, type Role } from '@sendlog/contract';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/connection.js';
import { readGymFile } from '../catalogue/gym-file.js';
import { importGym } from '../catalogue/gym-import.js';
import { DEMO_GYM_DIR, DEMO_SETTER_NAME, DEMO_USER_NAME } from './gym.js';
import { users } from '../db/schema.js';

/** Demo accounts + demo gym. Idempotent: safe on every start, never overwrites user changes. */
export async function seedDemo(db: Db): Promise<void> {
  await importGym(db, await readGymFile(DEMO_GYM_DIR), { keepExisting: true });
  await ensureAccount(db, DEMO_ACCOUNT, DEMO_USER_NAME, 'climber');
  await ensureAccount(db, DEMO_SETTER, DEMO_SETTER_NAME, 'setter');
}

async function ensureAccount(
  db: Db,
  account: { email: string; password: string },
  name: string,
  role: Role,
): Promise<void> {
  const existing = await db.query.users.findFirst({
    columns: { id: true },
    where: (u, { eq }) => eq(u.email, account.email),
  });
  if (existing) return;
  await db
    .insert(users)
    .values({
      email: account.email,
      name,
      role,
      passwordHash: await hashPassword(account.password),
    })
    .onConflictDoNothing();
}
