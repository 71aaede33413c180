import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';
import { normalizeEmail, userColumns, toUser, type TokenHolder } from './user-repository.js';

/** The stored password hash of an account, to check a password typed again. */
export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.passwordHash;
}

/**
 * Gives the account a new password hash and revokes every token issued so far (the version they
 * carry is bumped in the same statement); the caller issues a token at the new version.
 */
export async function replacePassword(
  db: Db,
  where: { userId: string } | { email: string },
  passwordHash: string,
): Promise<TokenHolder | undefined> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(
      'userId' in where ? eq(users.id, where.userId) : eq(users.email, normalizeEmail(where.email)),
    )
    .returning({ ...userColumns, tokenVersion: users.tokenVersion });
  return row ? { user: toUser(row), tokenVersion: row.tokenVersion } : undefined;
}
