import type { Role } from '@sendlog/contract';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';

export interface RoleGrant {
  id: string;
  email: string;
  role: Role;
}

/** Gives the account with this email a role; undefined when no such account exists. */
export async function grantRole(db: Db, email: string, role: Role): Promise<RoleGrant | undefined> {
  const [row] = await db
    .update(users)
    .set({ role })
    // Emails are stored lower-cased (see the schema), so the lookup is case-insensitive.
    .where(eq(users.email, email.trim().toLowerCase()))
    .returning({ id: users.id, email: users.email, role: users.role });
  return row ? { ...row, role: row.role as Role } : undefined;
}
