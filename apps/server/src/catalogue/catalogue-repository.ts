import { compareGrades, type Climb, type GradeSystem, type Layout } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { isoText, queryRows } from '../db/sql.js';
import { pictureIdOf } from './gym-import.js';
import { communityQuery, toCommunityView, type CommunityRow } from './community.js';

/** Where a wall picture is served: named by its hash, so the URL changes with the picture. */
export const pictureUrl = (sha256: string) => `/wall-pictures/${sha256}`;

interface LayoutRow {
  id: string;
  gym_id: string;
  name: string;
  description: string;
  grade_system: GradeSystem;
  archived: boolean;
  climb_count: number;
  sha256: string | null;
  width: number | null;
  height: number | null;
}

function layoutsWhere(where: SQL): SQL {
  return sql`select l.id, l.gym_id, l.name, l.description, l.grade_system, l.archived,
               (select count(*) from climbs c where c.layout_id = l.id and not c.archived)::int as climb_count,
               w.sha256, w.width, w.height
        from layouts l left join wall_images w on w.id = l.image_id
        where ${where}
        order by l.name, l.id`;
}

function toLayout(r: LayoutRow): Layout {
  return {
    id: r.id,
    gymId: r.gym_id,
    name: r.name,
    description: r.description,
    gradeSystem: r.grade_system,
    archived: r.archived,
    climbCount: r.climb_count,
    image:
      r.sha256 === null
        ? null
        : { url: pictureUrl(r.sha256), width: Number(r.width), height: Number(r.height) },
  };
}

/**
 * `GET /layouts`: the walls of every gym `viewer` follows or is staff of; every gym's walls for
 * a viewer who follows and staffs none (a new account, an older app) or for nobody signed in,
 * as before gyms. By name, archived ones included: sessions logged on an archived wall still
 * name it, and a phone that cached it must learn it is archived rather than lose it.
 */
export async function listLayouts(db: Db, viewer: string | null = null): Promise<Layout[]> {
  const mine = sql`(select gym_id from gym_follows where user_id = ${viewer}::uuid
                    union select gym_id from gym_staff where user_id = ${viewer}::uuid)`;
  const where = viewer === null ? sql`true` : sql`(l.gym_id in ${mine} or not exists ${mine})`;
  return (await queryRows<LayoutRow>(db, layoutsWhere(where))).map(toLayout);
}

/** The walls of one gym, archived ones included: `GET /gyms/:id/layouts`. */
export async function listGymLayouts(db: Db, gymId: string): Promise<Layout[]> {
  return (await queryRows<LayoutRow>(db, layoutsWhere(sql`l.gym_id = ${gymId}`))).map(toLayout);
}

export async function findLayout(db: Db, layoutId: string): Promise<Layout | undefined> {
  const [row] = await queryRows<LayoutRow>(db, layoutsWhere(sql`l.id = ${layoutId}`));
  return row ? toLayout(row) : undefined;
}

interface ClimbRow {
  id: string;
  layout_id: string;
  name: string;
  grade: string;
  color: string | null;
  position_x: number | null;
  position_y: number | null;
  setter: string | null;
  set_at: string | null;
  removal_planned_at: string | null;
  archived: boolean;
  grade_system: GradeSystem;
}

const CLIMB_COLUMNS = sql`c.id, c.layout_id, c.name, c.grade, c.color, c.position_x, c.position_y,
  c.setter, ${isoText(sql`c.set_at`)} as set_at, c.removal_planned_at::text as removal_planned_at,
  c.archived, l.grade_system`;

function toClimb(r: ClimbRow, community: CommunityRow | undefined): Climb {
  return {
    id: r.id,
    layoutId: r.layout_id,
    name: r.name,
    grade: r.grade,
    color: r.color,
    position:
      r.position_x === null || r.position_y === null
        ? null
        : { x: Number(r.position_x), y: Number(r.position_y) },
    setter: r.setter,
    setAt: r.set_at,
    removalPlannedAt: r.removal_planned_at,
    archived: r.archived,
    community: toCommunityView(community, r.grade_system),
  };
}

/** Climbs matching `filter` (on `c`), each with its community view: two statements in all. */
async function climbsWhere(db: Db, filter: SQL): Promise<Climb[]> {
  const [rows, community] = await Promise.all([
    queryRows<ClimbRow>(
      db,
      sql`select ${CLIMB_COLUMNS} from climbs c join layouts l on l.id = c.layout_id where ${filter}`,
    ),
    queryRows<CommunityRow>(db, communityQuery(filter)),
  ]);
  const byClimb = new Map(community.map((r) => [r.climb_id, r]));
  return rows.map((r) => toClimb(r, byClimb.get(r.id)));
}

/**
 * The climbs of a layout in climbing order (archived ones included, flagged), or `undefined`
 * when no such layout exists. The order is stable, so the list's ETag only changes with it.
 */
export async function listLayoutClimbs(db: Db, layoutId: string): Promise<Climb[] | undefined> {
  if (!(await layoutExists(db, layoutId))) return undefined;
  const climbs = await climbsWhere(db, sql`c.layout_id = ${layoutId}`);
  return climbs.sort(
    (a, b) =>
      compareGrades(a.grade, b.grade) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/**
 * Every climb of every wall of a gym (archived walls and climbs included), wall by wall in the
 * order of `listLayoutClimbs`: a phone keeping a gym's catalogue reads it in one request rather
 * than one per wall. Two statements, whatever the number of walls.
 */
export async function listGymClimbs(db: Db, gymId: string): Promise<Climb[]> {
  const climbs = await climbsWhere(db, sql`l.gym_id = ${gymId}`);
  return climbs.sort(
    (a, b) =>
      (a.layoutId < b.layoutId ? -1 : a.layoutId > b.layoutId ? 1 : 0) ||
      compareGrades(a.grade, b.grade) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}

async function layoutExists(db: Db, layoutId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from layouts where id = ${layoutId}`,
  );
  return rows.length > 0;
}

export async function findClimb(db: Db, climbId: string): Promise<Climb | undefined> {
  const [climb] = await climbsWhere(db, sql`c.id = ${climbId}`);
  return climb;
}

/** Climbs by id, in the order of `ids` (ids of no climb are left out). */
export async function findClimbs(db: Db, ids: readonly string[]): Promise<Climb[]> {
  if (ids.length === 0) return [];
  const climbs = await climbsWhere(db, sql`c.id = any(${sql.param(ids)}::uuid[])`);
  const byId = new Map(climbs.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface StoredPicture {
  sha256: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A wall picture by the hash its URL names (its row id follows from that hash). */
export async function findPicture(db: Db, sha256: string): Promise<StoredPicture | undefined> {
  const [row] = await queryRows<{ sha256: string; content_type: string; bytes: Uint8Array }>(
    db,
    sql`select sha256, content_type, bytes from wall_images
        where id = ${pictureIdOf(sha256)} and sha256 = ${sha256}`,
  );
  return row ? { sha256: row.sha256, contentType: row.content_type, bytes: row.bytes } : undefined;
}
