import type { Role, User } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { findTokenHolder, normalizeEmail } from './user-repository.js';

export type GrantResult =
  { ok: true; user: User } | { ok: false; reason: 'no_account' | 'no_single_gym' };

/**
 * Gives the account with this email a role in its v2 meaning (`PUT /users/role`, `npm run admin
 * -- grant`): `admin` makes a server admin; `setter` a setter of the server's only gym and no
 * server admin (with no gym or several: `no_single_gym`, the caller names a gym instead);
 * `climber` neither admin nor anyone's staff. One transaction.
 */
export async function grantRole(db: Db, email: string, role: Role): Promise<GrantResult> {
  return db.transaction(async (tx) => {
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
