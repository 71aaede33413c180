import type { Role, User } from '@sendlog/contract';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';
import { normalizeEmail, toUser, userColumns } from './user-repository.js';

/** Gives the account with this email a role; undefined when no such account exists. */
export async function grantRole(db: Db, email: string, role: Role): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ role })
    // Emails are stored lower-cased (see the schema), so the lookup is case-insensitive.
    .where(eq(users.email, normalizeEmail(email)))
    .returning(userColumns);
  return row ? toUser(row) : undefined;
}
