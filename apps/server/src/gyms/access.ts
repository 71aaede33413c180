import type { GymRole, User } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { isUuid } from '../domain/ids.js';

/**
 * THE decision of who may manage a gym, for every management endpoint (walls, pictures, climbs,
 * resets, staff, the gym itself): a server admin may do anything; a gym's `admin` everything at
 * that gym; its `setter` what needs a setter there. Nobody else, whatever else they are.
 * `user.staff` is read with the account on every request, so a change holds at once.
 */
export function mayManageGym(user: User, gymId: string, need: GymRole): boolean {
  if (user.role === 'admin') return true;
  const role = user.staff?.find((s) => s.gymId === gymId)?.role;
  return role === 'admin' || (role === 'setter' && need === 'setter');
}

/** What a management endpoint acts on, named by a path id: its gym decides who may. */
export type ManagedThing = 'gym' | 'layout' | 'climb';

const GYM_OF: Record<ManagedThing, (id: string) => ReturnType<typeof sql>> = {
  gym: (id) => sql`select id as gym_id from gyms where id = ${id}`,
  layout: (id) => sql`select gym_id from layouts where id = ${id}`,
  climb: (id) =>
    sql`select l.gym_id from climbs c join layouts l on l.id = c.layout_id where c.id = ${id}`,
};

/** The gym of a gym, wall or climb; undefined when there is no such thing. */
export async function gymOf(db: Db, thing: ManagedThing, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await queryRows<{ gym_id: string }>(db, GYM_OF[thing](id.toLowerCase()));
  return row?.gym_id;
}
