import { compareGrades, type Climb, type Layout } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

/** Every layout of the gym, by name, with how many climbs it holds. */
export async function listLayouts(db: Db): Promise<Layout[]> {
  const rows = await queryRows<{
    id: string;
    name: string;
    description: string;
    climb_count: number;
  }>(
    db,
    sql`select l.id, l.name, l.description,
               (select count(*) from climbs c where c.layout_id = l.id)::int as climb_count
        from layouts l order by l.name, l.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    climbCount: r.climb_count,
  }));
}

/**
 * The climbs of a layout in climbing order (archived ones included, flagged), or `undefined`
 * when no such layout exists. The order is stable, so the list's ETag only changes with it.
 */
export async function listLayoutClimbs(db: Db, layoutId: string): Promise<Climb[] | undefined> {
  const rows = await queryRows<{
    id: string | null;
    name: string;
    grade: string;
    archived: boolean;
  }>(
    db,
    sql`select c.id, c.name, c.grade, c.archived
        from layouts l left join climbs c on c.layout_id = l.id
        where l.id = ${layoutId}`,
  );
  if (rows.length === 0) return undefined;
  return rows
    .flatMap((r) =>
      r.id === null
        ? []
        : [{ id: r.id, layoutId, name: r.name, grade: r.grade, archived: r.archived }],
    )
    .sort(
      (a, b) =>
        compareGrades(a.grade, b.grade) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
}
