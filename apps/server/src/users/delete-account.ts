import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

/** What `DELETE /me` did: deleted everything, or refused because the server needs the account. */
export type AccountDeletion = 'deleted' | 'last_gym_admin' | 'last_admin' | 'gone';

/**
 * Deletes an account and everything it logged, in one transaction: its sessions with their
 * routes and route tombstones, its rows of the community view (which is computed from those
 * rows, so the climbs it logged show the other climbers' numbers from the next request on), its
 * follows and staff roles, its rate-limit counters and read leases, and the account itself, whose tokens then
 * name nobody. Nothing of it stays, so its email may register again as a new, empty account.
 *
 * A gym's only admin is refused (`last_gym_admin`), as is the server's only admin (`last_admin`),
 * and nothing is deleted. The locks come in the order staff changes take them (a gym, then an
 * account): first the gyms the account is an admin of, as a staff change does, so no admin of
 * theirs can leave meanwhile; then every server admin's row, in one order, so two admins deleting
 * themselves at once cannot both pass the check (the second re-reads the admins once the first
 * commits, and finds itself alone); then the account's own row: a sync of its sessions in flight
 * either commits before (and is deleted with the rest) or finds no account after.
 */
export async function deleteAccount(db: Db, userId: string): Promise<AccountDeletion> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from gyms
          where id in (select gym_id from gym_staff where user_id = ${userId} and role = 'admin')
          order by id for update`,
    );
    const [aloneAt] = await queryRows<{ gym_id: string }>(
      tx,
      sql`select m.gym_id from gym_staff m
          where m.user_id = ${userId} and m.role = 'admin'
            and not exists (select 1 from gym_staff o
                            where o.gym_id = m.gym_id and o.role = 'admin' and o.user_id <> m.user_id)
          limit 1`,
    );
    if (aloneAt) return 'last_gym_admin';
    const admins = await queryRows<{ id: string }>(
      tx,
      sql`select id from users where role = 'admin' order by id for update`,
    );
    const [account] = await queryRows<{ email: string }>(
      tx,
      sql`select email from users where id = ${userId} for update`,
    );
    if (!account) return 'gone';
    if (admins.length === 1 && admins[0]!.id === userId) return 'last_admin';

    await tx.execute(sql`delete from route_tombstones where user_id = ${userId}`);
    await tx.execute(sql`delete from session_routes where user_id = ${userId}`);
    await tx.execute(sql`delete from climbing_sessions where user_id = ${userId}`);
    await tx.execute(sql`delete from community_outbox where user_id = ${userId}`);
    await tx.execute(sql`delete from climb_climber_stats where user_id = ${userId}`);
    await tx.execute(sql`delete from gym_staff where user_id = ${userId}`);
    await tx.execute(sql`delete from gym_follows where user_id = ${userId}`);
    // A heavy read's lease in flight: its release later finds nothing, which it allows.
    await tx.execute(sql`delete from read_leases where user_id = ${userId}`);
    // Login counters are keyed by address and email, account counters by the account's id.
    await tx.execute(
      sql`delete from rate_limits
          where right(key, ${account.email.length + 1}) = ${`:${account.email}`}
             or right(key, ${userId.length + 1}) = ${`:${userId}`}`,
    );
    await tx.execute(sql`delete from users where id = ${userId}`);
    return 'deleted';
  });
}
