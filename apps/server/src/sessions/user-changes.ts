import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

/** Takes the user's row lock (ordering all of one user's writers) and returns its change counter. */
export async function lockUserChanges(db: Db, userId: string): Promise<number> {
  const [row] = await queryRows<{ change_seq: string }>(
    db,
    sql`select change_seq::text as change_seq from users where id = ${userId} for update`,
  );
  if (!row) throw new Error('user vanished during a write');
  return Number(row.change_seq);
}
