import type { User } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { gymExists } from './gym-repository.js';

export type WallGym = { ok: true; gymId: string } | { ok: false; message: string };

/**
 * The gym a new wall goes into (`POST /layouts`, as v2 clients call it): the `gymId` the body
 * names; else the one gym the caller is staff of; else the server's only gym. Otherwise it is
 * ambiguous, or names no gym, and `message` says why (answered at `gymId`).
 */
export async function wallGymOf(db: Db, caller: User, named: string | undefined): Promise<WallGym> {
  if (named !== undefined) {
    return (await gymExists(db, named))
      ? { ok: true, gymId: named }
      : { ok: false, message: 'must name an existing gym' };
  }
  const staffed = caller.staff ?? [];
  if (staffed.length === 1) return { ok: true, gymId: staffed[0]!.gymId };
  const gyms = await queryRows<{ id: string }>(db, sql`select id from gyms limit 2`);
  if (staffed.length === 0 && gyms.length === 1) return { ok: true, gymId: gyms[0]!.id };
  return {
    ok: false,
    message:
      gyms.length === 0
        ? 'is required: this server has no gym yet'
        : 'is required: the wall could go into more than one gym',
  };
}
