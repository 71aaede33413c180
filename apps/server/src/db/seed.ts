import { DEMO_ACCOUNT } from '@sendlog/contract';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from './connection.js';
import { DEMO_CLIMBS, DEMO_LAYOUTS, DEMO_USER_NAME } from './demo-gym.js';
import { climbs, layouts, users } from './schema.js';

/** Demo account + demo gym. Idempotent: safe on every start, never overwrites user changes. */
export async function seedDemo(db: Db): Promise<void> {
  await db.insert(layouts).values(DEMO_LAYOUTS).onConflictDoNothing();
  await db.insert(climbs).values(DEMO_CLIMBS).onConflictDoNothing();
  const existing = await db.query.users.findFirst({
    columns: { id: true },
    where: (u, { eq }) => eq(u.email, DEMO_ACCOUNT.email),
  });
  if (existing) return;
  await db
    .insert(users)
    .values({
      email: DEMO_ACCOUNT.email,
      name: DEMO_USER_NAME,
      passwordHash: await hashPassword(DEMO_ACCOUNT.password),
    })
    .onConflictDoNothing();
}
