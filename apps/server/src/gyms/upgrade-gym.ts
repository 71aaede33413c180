import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { foldForSearch, numberedSlug, slugFrom } from './search-text.js';

/** What an upgraded server calls the one gym its v2 database becomes. */
export interface UpgradeGym {
  /** SENDLOG_GYM_NAME, default `My gym`. */
  name: string;
  /** SENDLOG_GYM_TIMEZONE (an IANA zone), default `UTC`. */
  timeZone: string;
}

export const DEFAULT_UPGRADE_GYM: UpgradeGym = { name: 'My gym', timeZone: 'UTC' };

/** The key migration 0007 leaves in server_settings: the id of the gym it made, not named yet. */
const PENDING_KEY = 'gyms.upgrade_gym';

/**
 * Names the gym migration 0007 made of a v2 database, once: SQL migrations cannot read the
 * environment, so the migration calls it `My gym` in UTC and leaves its id under a pending key;
 * this step, run right after the migrations under the same lock, gives it the configured name,
 * slug and time zone and removes the key, in one transaction. Without the key (a new database,
 * or one named already) it does nothing, so it is safe on every start.
 */
export async function nameUpgradeGym(db: Db, gym: UpgradeGym): Promise<void> {
  await db.transaction(async (tx) => {
    const [pending] = await queryRows<{ value: string }>(
      tx,
      sql`delete from server_settings where key = ${PENDING_KEY} returning value`,
    );
    if (!pending) return;
    const base = slugFrom(gym.name);
    const taken = new Set(
      (
        await queryRows<{ slug: string }>(
          tx,
          sql`select slug from gyms where id <> ${pending.value}`,
        )
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = numberedSlug(base, n);
    await tx.execute(
      sql`update gyms set name = ${gym.name}, slug = ${slug}, time_zone = ${gym.timeZone},
                 search_name = ${foldForSearch(gym.name)}
          where id = ${pending.value}`,
    );
  });
}

/**
 * What a server runs after the migrations, under their lock: the upgraded gym named (by `gym`,
 * else `My gym` in UTC), then `next` (the demo seed, or nothing).
 */
export function afterUpgrade(
  gym: UpgradeGym | undefined,
  next: (db: Db) => Promise<void> = async () => undefined,
): (db: Db) => Promise<void> {
  return async (db) => {
    await nameUpgradeGym(db, gym ?? DEFAULT_UPGRADE_GYM);
    await next(db);
  };
}
