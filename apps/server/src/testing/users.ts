import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

/** A bare account written straight into the database, for tests below the HTTP layer. */
export async function insertUser(db: Db): Promise<string> {
  const [user] = await queryRows<{ id: string }>(
    db,
    sql`insert into users (email, password_hash) values (${`${randomUUID()}@sendlog.test`}, 'x')
        returning id::text as id`,
  );
  return user!.id;
}
