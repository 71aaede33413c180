import type { Role, User } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { findTokenHolder, normalizeEmail } from './user-repository.js';

export type GrantResult =
  { ok: true; user: User } | { ok: false; reason: 'no_account' | 'no_single_gym' | 'last_admin' };

/**
 * Gives the account with this email a role in its v2 meaning (`PUT /users/role`, `npm run admin
 * -- grant`): `admin` makes a server admin; `setter` a setter of the server's only gym and no
 * server admin (with no gym or several: `no_single_gym`, the caller names a gym instead);
 * `climber` neither admin nor anyone's staff. One transaction.
 *
 * With `keepAnAdmin` (the endpoint: the command line may do anything) the last server admin
 * cannot lose the role (`last_admin`), or nobody could grant one again without the command
 * line. The admins' rows are locked first, in one order, so two admins demoting each other at
 * once cannot both succeed (the second sees one admin left) nor deadlock.
 */
export async function grantRole(
  db: Db,
  email: string,
  role: Role,
  o: { keepAnAdmin?: boolean } = {},
): Promise<GrantResult> {
  return db.transaction(async (tx) => {
    const admins = o.keepAnAdmin
      ? await queryRows<{ email: string }>(
          tx,
          sql`select email from users where role = 'admin' order by id for update`,
        )
      : [];
    if (role !== 'admin' && admins.length === 1 && admins[0]!.email === normalizeEmail(email)) {
      return { ok: false, reason: 'last_admin' };
    }
    const [user] = await queryRows<{ id: string }>(
      tx,
      sql`select id from users where email = ${normalizeEmail(email)} for update`,
    );
    if (!user) return { ok: false, reason: 'no_account' };
    if (role === 'setter') {
      const gyms = await queryRows<{ id: string }>(tx, sql`select id from gyms limit 2`);
      if (gyms.length !== 1) return { ok: false, reason: 'no_single_gym' };
      await tx.execute(
        sql`insert into gym_staff (gym_id, user_id, role) values (${gyms[0]!.id}, ${user.id}, 'setter')
            on conflict (gym_id, user_id) do update set role = 'setter'`,
      );
    }
    if (role === 'climber') await tx.execute(sql`delete from gym_staff where user_id = ${user.id}`);
    await tx.execute(
      sql`update users set role = ${role === 'admin' ? 'admin' : 'climber'} where id = ${user.id}`,
    );
    const holder = await findTokenHolder(tx, user.id);
    return { ok: true, user: holder!.user };
  });
}
