import type { GradeSystem, Role, StaffRole, User } from '@sendlog/contract';
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

/**
 * The columns of a user as the API shows them. `role` is the v2 meaning older apps read: `admin`
 * for a server admin, `setter` for anyone on some gym's staff, else `climber`; `staff` says where
 * (null: nowhere). Both are read with the account on every request, so a change holds at once.
 */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: sql<string>`case when ${users.role} = 'admin' then 'admin'
    when exists (select 1 from gym_staff gs where gs.user_id = ${users.id}) then 'setter'
    else 'climber' end`,
  gradeSystem: users.gradeSystem,
  staff: sql<
    StaffRole[] | null
  >`(select json_agg(json_build_object('gymId', gs.gym_id, 'role', gs.role)
    order by gs.gym_id) from gym_staff gs where gs.user_id = ${users.id})`,
};

const holderColumns = { ...userColumns, tokenVersion: users.tokenVersion };

type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  gradeSystem: string;
  staff: StaffRole[] | string | null;
};

/**
 * The database's check constraints keep role and grade system to the contract's values. `staff`
 * is answered only when the account is on some gym's staff: an account's answer before gyms
 * stays what it was.
 */
export function toUser(row: UserRow): User {
  // Both drivers parse json; a driver handing back text is read the same.
  const staff = typeof row.staff === 'string' ? (JSON.parse(row.staff) as StaffRole[]) : row.staff;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    gradeSystem: row.gradeSystem as GradeSystem,
    ...(staff && staff.length > 0 ? { staff } : {}),
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
