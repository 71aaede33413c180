import type { User } from '@sendlog/contract';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';

/** A user with the version its tokens must carry (bumped to revoke every token issued before). */
export interface TokenHolder {
  user: User;
  tokenVersion: number;
}

/** A user as login needs it: who, the stored password hash, and the current token version. */
export interface LoginCandidate extends TokenHolder {
  passwordHash: string;
}

const holderColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  tokenVersion: users.tokenVersion,
};

function toHolder(row: {
  id: string;
  email: string;
  name: string | null;
  tokenVersion: number;
}): TokenHolder {
  return { user: { id: row.id, email: row.email, name: row.name }, tokenVersion: row.tokenVersion };
}

/** Emails are stored lower-cased and trimmed, so the unique index is case-insensitive. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A new account, or `undefined` when the email is already registered. */
export async function createUser(
  db: Db,
  account: { email: string; name: string | null; passwordHash: string },
): Promise<TokenHolder | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...account, email: normalizeEmail(account.email) })
    .onConflictDoNothing({ target: users.email })
    .returning(holderColumns);
  return row ? toHolder(row) : undefined;
}

export async function findLoginCandidate(
  db: Db,
  email: string,
): Promise<LoginCandidate | undefined> {
  const [row] = await db
    .select({ ...holderColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ? { ...toHolder(row), passwordHash: row.passwordHash } : undefined;
}

/** The user a token names, with the token version it must still carry. */
export async function findTokenHolder(db: Db, userId: string): Promise<TokenHolder | undefined> {
  const [row] = await db.select(holderColumns).from(users).where(eq(users.id, userId));
  return row ? toHolder(row) : undefined;
}

/** Signs out everywhere: every token issued so far carries an older version. */
export async function revokeTokens(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, userId));
}
