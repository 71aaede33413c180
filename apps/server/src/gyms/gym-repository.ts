import { randomUUID } from 'node:crypto';
import { GYM_LIMITS, type Gym, type GymRole, type GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { isUuid } from '../domain/ids.js';
import { foldForSearch, numberedSlug, slugFrom } from './search-text.js';

interface GymRow {
  id: string;
  slug: string;
  name: string;
  city: string | null;
  country: string | null;
  time_zone: string;
  grade_system: GradeSystem;
  archived: boolean;
  layout_count: number;
  climb_count: number;
  following: boolean;
  my_role: GymRole | null;
}

/**
 * Gyms matching `where` (on `g`) as `viewer` sees them (following, myRole; null: nobody signed
 * in), by name. Counts are what is up: walls not archived, their climbs not archived.
 */
function gymsWhere(viewer: string | null, where: SQL, limit?: number): SQL {
  const me = sql`${viewer}::uuid`;
  return sql`select g.id, g.slug, g.name, g.city, g.country, g.time_zone, g.grade_system, g.archived,
      (select count(*) from layouts l where l.gym_id = g.id and not l.archived)::int as layout_count,
      (select count(*) from climbs c join layouts l on l.id = c.layout_id
        where l.gym_id = g.id and not l.archived and not c.archived)::int as climb_count,
      exists (select 1 from gym_follows f where f.gym_id = g.id and f.user_id = ${me}) as following,
      (select s.role from gym_staff s where s.gym_id = g.id and s.user_id = ${me}) as my_role
    from gyms g
    where ${where}
    order by g.search_name, g.name, g.id
    ${limit === undefined ? sql`` : sql`limit ${limit}`}`;
}

function toGym(r: GymRow): Gym {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    city: r.city,
    country: r.country,
    timeZone: r.time_zone,
    gradeSystem: r.grade_system,
    layoutCount: Number(r.layout_count),
    climbCount: Number(r.climb_count),
    archived: r.archived,
    following: r.following,
    myRole: r.my_role,
  };
}

async function gyms(db: Db, viewer: string | null, where: SQL, limit?: number): Promise<Gym[]> {
  return (await queryRows<GymRow>(db, gymsWhere(viewer, where, limit))).map(toGym);
}

/** A gym by id, or by slug (matched in any letter case): `GET /gyms/:idOrSlug`. */
export async function findGym(
  db: Db,
  idOrSlug: string,
  viewer: string | null,
): Promise<Gym | undefined> {
  const where = isUuid(idOrSlug)
    ? sql`g.id = ${idOrSlug.toLowerCase()}`
    : sql`g.slug = ${idOrSlug.toLowerCase()}`;
  const [gym] = await gyms(db, viewer, where);
  return gym;
}

/**
 * Gyms not archived whose name or city contains `q`, ignoring case and accents (both sides
 * folded alike, see search-text.ts), by name, at most 50. No `q`: the first 50 by name.
 */
export async function searchGyms(db: Db, q: string | undefined, viewer: string | null) {
  const folded = foldForSearch((q ?? '').trim());
  const match =
    folded === ''
      ? sql`true`
      : sql`(strpos(g.search_name, ${folded}) > 0 or strpos(g.search_city, ${folded}) > 0)`;
  return gyms(db, viewer, sql`not g.archived and ${match}`, GYM_LIMITS.maxSearchResults);
}

/** The gyms a user follows or is staff of, archived ones too: `GET /me/gyms`. */
export async function gymsOf(db: Db, userId: string): Promise<Gym[]> {
  return gyms(
    db,
    userId,
    sql`g.id in (select gym_id from gym_follows where user_id = ${userId}
                 union select gym_id from gym_staff where user_id = ${userId})`,
  );
}

export async function gymExists(db: Db, gymId: string): Promise<boolean> {
  if (!isUuid(gymId)) return false;
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from gyms where id = ${gymId}`,
  );
  return rows.length > 0;
}

/** The grade system a gym's new walls get, or undefined when no such gym exists. */
export async function gymGradeSystem(db: Db, gymId: string): Promise<GradeSystem | undefined> {
  const [row] = await queryRows<{ grade_system: GradeSystem }>(
    db,
    sql`select grade_system from gyms where id = ${gymId}`,
  );
  return row?.grade_system;
}

/** Every gym's id, oldest first (few: one server hosts tens of gyms, not millions). */
export async function allGymIds(db: Db, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from gyms order by created_at, id limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

export interface NewGym {
  name: string;
  slug?: string | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  timeZone: string;
  gradeSystem?: GradeSystem | undefined;
}

/** Insert attempts for a slug made from the name before giving up (`-2` … `-50`). */
const SLUG_ATTEMPTS = 50;

/**
 * A new gym; its id, or `slug_taken` when the slug given is another gym's. A slug made from the
 * name takes the first free of `name`, `name-2`, `name-3`, … (the unique constraint decides, so
 * two gyms created at once never share one).
 */
export async function createGym(
  db: Db,
  gym: NewGym,
  id: string = randomUUID(),
): Promise<{ ok: true; id: string; slug: string } | { ok: false; reason: 'slug_taken' }> {
  const base = gym.slug ?? slugFrom(gym.name);
  const attempts = gym.slug === undefined ? SLUG_ATTEMPTS : 1;
  for (let n = 1; n <= attempts; n += 1) {
    const slug = n === 1 ? base : numberedSlug(base, n);
    const rows = await queryRows<{ id: string }>(
      db,
      sql`insert into gyms (id, slug, name, city, country, time_zone, grade_system, search_name, search_city)
          values (${id}, ${slug}, ${gym.name}, ${gym.city ?? null}, ${gym.country ?? null},
                  ${gym.timeZone}, ${gym.gradeSystem ?? 'V'}, ${foldForSearch(gym.name)},
                  ${foldForSearch(gym.city ?? '')})
          on conflict (slug) do nothing
          returning id`,
    );
    if (rows.length > 0) return { ok: true, id, slug };
  }
  return { ok: false, reason: 'slug_taken' };
}

export interface GymChanges {
  name?: string | undefined;
  city?: string | null | undefined;
  country?: string | null | undefined;
  timeZone?: string | undefined;
  gradeSystem?: GradeSystem | undefined;
  archived?: boolean | undefined;
}

/** Changes what is given (the folded search text with the name and city); false: no such gym. */
export async function updateGym(db: Db, gymId: string, changes: GymChanges): Promise<boolean> {
  const sets: SQL[] = [];
  if (changes.name !== undefined) {
    sets.push(sql`name = ${changes.name}`, sql`search_name = ${foldForSearch(changes.name)}`);
  }
  if (changes.city !== undefined) {
    sets.push(sql`city = ${changes.city}`, sql`search_city = ${foldForSearch(changes.city ?? '')}`);
  }
  if (changes.country !== undefined) sets.push(sql`country = ${changes.country}`);
  if (changes.timeZone !== undefined) sets.push(sql`time_zone = ${changes.timeZone}`);
  if (changes.gradeSystem !== undefined) sets.push(sql`grade_system = ${changes.gradeSystem}`);
  if (changes.archived !== undefined) sets.push(sql`archived = ${changes.archived}`);
  const rows = await queryRows<{ id: string }>(
    db,
    sets.length === 0
      ? sql`select id from gyms where id = ${gymId}`
      : sql`update gyms set ${sql.join(sets, sql`, `)} where id = ${gymId} returning id`,
  );
  return rows.length > 0;
}
