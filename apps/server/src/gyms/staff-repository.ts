import type { GymRole, GymStaffMember } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { normalizeEmail } from '../users/user-repository.js';

/** A gym's staff, admins first, then by email. */
export async function listStaff(db: Db, gymId: string): Promise<GymStaffMember[]> {
  const rows = await queryRows<{
    user_id: string;
    email: string;
    name: string | null;
    role: GymRole;
  }>(
    db,
    sql`select s.user_id, u.email, u.name, s.role
        from gym_staff s join users u on u.id = s.user_id
        where s.gym_id = ${gymId}
        order by s.role = 'admin' desc, u.email, u.id`,
  );
  return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, role: r.role }));
}

export type StaffChange = 'changed' | 'no_gym' | 'no_account' | 'last_gym_admin';

/**
 * Gives the account with `email` the role `role` at the gym, or takes it off the staff (`null`).
 * Refuses to leave a gym that has admins without one (`last_gym_admin`). One transaction holding
 * the gym's row lock, so two admins removing each other at once cannot both succeed.
 */
export async function setStaffRole(
  db: Db,
  gymId: string,
  email: string,
  role: GymRole | null,
): Promise<StaffChange> {
  return db.transaction(async (tx) => {
    const [gym] = await queryRows<{ id: string }>(
      tx,
      sql`select id from gyms where id = ${gymId} for update`,
    );
    if (!gym) return 'no_gym';
    const [user] = await queryRows<{ id: string; role: GymRole | null }>(
      tx,
      sql`select u.id, s.role from users u
          left join gym_staff s on s.user_id = u.id and s.gym_id = ${gymId}
          where u.email = ${normalizeEmail(email)}`,
    );
    if (!user) return 'no_account';
    if (user.role === 'admin' && role !== 'admin') {
      const [admins] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from gym_staff where gym_id = ${gymId} and role = 'admin'`,
      );
      if (Number(admins!.n) <= 1) return 'last_gym_admin';
    }
    await tx.execute(
      role === null
        ? sql`delete from gym_staff where gym_id = ${gymId} and user_id = ${user.id}`
        : sql`insert into gym_staff (gym_id, user_id, role) values (${gymId}, ${user.id}, ${role})
              on conflict (gym_id, user_id) do update set role = excluded.role`,
    );
    return 'changed';
  });
}

/** Follows a gym (nothing when already followed); false when no such gym exists. */
export async function follow(db: Db, userId: string, gymId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with gym as (select id from gyms where id = ${gymId}),
        added as (insert into gym_follows (user_id, gym_id) select ${userId}, id from gym
                  on conflict do nothing)
        select id from gym`,
  );
  return rows.length > 0;
}

/** Stops following a gym (nothing when not followed); false when no such gym exists. */
export async function unfollow(db: Db, userId: string, gymId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with gym as (select id from gyms where id = ${gymId}),
        removed as (delete from gym_follows where user_id = ${userId} and gym_id in (select id from gym))
        select id from gym`,
  );
  return rows.length > 0;
}
