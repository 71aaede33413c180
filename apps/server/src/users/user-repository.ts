import type { GradeSystem, Role, User } from '@sendlog/contract';
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

/** The columns of a user as the API shows them. */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  gradeSystem: users.gradeSystem,
};

const holderColumns = { ...userColumns, tokenVersion: users.tokenVersion };

type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  gradeSystem: string;
};

/** The database's check constraints keep role and grade system to the contract's values. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    gradeSystem: row.gradeSystem as GradeSystem,
  };
}

function toHolder(row: UserRow & { tokenVersion: number }): TokenHolder {
  return { user: toUser(row), tokenVersion: row.tokenVersion };
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

/** Changes what a user may change about themselves; absent fields stay as they are. */
export async function updateProfile(
  db: Db,
  userId: string,
  changes: { name?: string | null | undefined; gradeSystem?: GradeSystem | undefined },
): Promise<User | undefined> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.gradeSystem !== undefined ? { gradeSystem: changes.gradeSystem } : {}),
  };
  const query =
    Object.keys(set).length === 0
      ? db.select(userColumns).from(users).where(eq(users.id, userId))
      : db.update(users).set(set).where(eq(users.id, userId)).returning(userColumns);
  const [row] = await query;
  return row ? toUser(row) : undefined;
}
