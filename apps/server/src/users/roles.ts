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

export type RoleChange = { user: User } | { refused: 'unknown_user' | 'last_admin' };

/**
 * `grantRole` as an admin asks it over the API: the last admin cannot lose the role, or nobody
 * could grant one again without the server's command line. The admins' rows are locked first,
 * so two admins demoting each other at once cannot both succeed.
 */
export async function changeRoleKeepingAnAdmin(
  db: Db,
  email: string,
  role: Role,
): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.role, 'admin'))
      .for('update');
    const target = normalizeEmail(email);
    if (role !== 'admin' && admins.length === 1 && admins[0]!.email === target) {
      return { refused: 'last_admin' as const };
    }
    const [row] = await tx
      .update(users)
      .set({ role })
      .where(eq(users.email, target))
      .returning(userColumns);
    return row ? { user: toUser(row) } : { refused: 'unknown_user' as const };
  });
}
