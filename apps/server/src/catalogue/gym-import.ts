import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { climbs, layouts, wallImages } from '../db/schema.js';
import { arrayParam, queryRows } from '../db/sql.js';
import { stableUuid } from '../db/stable-id.js';
import { climbIdOf, layoutIdOf, type GymCatalogue } from './gym-file.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface GymImportReport {
  layouts: ImportCounts;
  climbs: ImportCounts;
  pictures: { created: number; unchanged: number };
}

/** A picture's row id follows from its bytes: the same file is stored once. */
export const pictureIdOf = (sha256: string) => stableUuid(`picture:${sha256}`);

/** `xmax = 0` holds for a row this statement inserted, not one it updated (PostgreSQL and PGlite). */
const inserted = sql<boolean>`(xmax = 0)`;

function counts(rows: { inserted: boolean }[], total: number): ImportCounts {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
}

/**
 * The catalogue with the ids it has in gym `gymId`: a key keeps the id it always had, unless that
 * id is a wall of another gym already (two gyms both have a `main-wall`); then the wall and its
 * climbs get ids of their own, derived from the gym too, so every later import finds them again.
 */
async function idsInGym(db: Db, gym: GymCatalogue, gymId: string): Promise<GymCatalogue> {
  if (gym.layouts.length === 0) return gym;
  const owners = await queryRows<{ id: string; gym_id: string }>(
    db,
    sql`select id, gym_id from layouts where id = any(${arrayParam(
      gym.layouts.map((l) => l.id),
      'uuid',
    )})`,
  );
  const elsewhere = new Set(owners.filter((o) => o.gym_id !== gymId).map((o) => o.id));
  if (elsewhere.size === 0) return gym;
  const moved = new Set(gym.layouts.filter((l) => elsewhere.has(l.id)).map((l) => l.key));
  return {
    layouts: gym.layouts.map((l) =>
      moved.has(l.key) ? { ...l, id: layoutIdOf(l.key, gymId) } : l,
    ),
    climbs: gym.climbs.map((c) =>
      moved.has(c.layoutKey)
        ? {
            ...c,
            id: climbIdOf(c.layoutKey, c.key, gymId),
            layoutId: layoutIdOf(c.layoutKey, gymId),
          }
        : c,
    ),
  };
}

/**
 * Writes a gym file's catalogue into gym `gymId`, in one transaction: what the file names is
 * created or brought in line with it, rows already equal are not touched (so a second import
 * reports all unchanged and changes no catalogue ETag), and climbs or layouts the file does not
 * name are left alone. `keepExisting` only adds what is missing: the demo gym is seeded so on
 * every start, and a setter's edits of it must survive a restart.
 */
export async function importGym(
  db: Db,
  file: GymCatalogue,
  o: { gymId: string; keepExisting?: boolean },
): Promise<GymImportReport> {
  return db.transaction(async (tx) => {
    const gym = await idsInGym(tx, file, o.gymId);
    const pictures = gym.layouts.flatMap((l) => (l.picture ? [l.picture] : []));
    const uniquePictures = [...new Map(pictures.map((p) => [p.sha256, p])).values()];
    const storedPictures =
      uniquePictures.length === 0
        ? []
        : await tx
            .insert(wallImages)
            .values(
              uniquePictures.map((p) => ({
                id: pictureIdOf(p.sha256),
                sha256: p.sha256,
                contentType: p.contentType,
                width: p.width,
                height: p.height,
                bytes: p.bytes,
              })),
            )
            // Shown again: a sweep must not delete it (see picture-retirement.ts).
            .onConflictDoUpdate({ target: wallImages.id, set: { unusedSince: null } })
            // A row this statement inserted has no xmax yet; one it updated has its own.
            .returning({ id: wallImages.id, inserted: sql<boolean>`(xmax = 0)` });
    const createdPictures = storedPictures.filter((p) => p.inserted).length;

    const layoutRows =
      gym.layouts.length === 0
        ? []
        : await tx
            .insert(layouts)
            .values(
              gym.layouts.map((l) => ({
                id: l.id,
                gymId: o.gymId,
                name: l.name,
                description: l.description,
                gradeSystem: l.gradeSystem,
                archived: l.archived,
                imageId: l.picture ? pictureIdOf(l.picture.sha256) : null,
              })),
            )
            .onConflictDoUpdate({
              target: layouts.id,
              set: {
                name: sql`excluded.name`,
                description: sql`excluded.description`,
                gradeSystem: sql`excluded.grade_system`,
                archived: sql`excluded.archived`,
                imageId: sql`excluded.image_id`,
              },
              setWhere: o.keepExisting
                ? sql`false`
                : sql`(${layouts.name}, ${layouts.description}, ${layouts.gradeSystem}, ${layouts.archived}, ${layouts.imageId})
                is distinct from (excluded.name, excluded.description, excluded.grade_system, excluded.archived, excluded.image_id)`,
            })
            .returning({ inserted });

    const climbRows =
      gym.climbs.length === 0
        ? []
        : await tx
            .insert(climbs)
            .values(gym.climbs.map(({ key: _key, layoutKey: _layoutKey, ...climb }) => climb))
            .onConflictDoUpdate({
              target: climbs.id,
              set: {
                layoutId: sql`excluded.layout_id`,
                name: sql`excluded.name`,
                grade: sql`excluded.grade`,
                color: sql`excluded.color`,
                positionX: sql`excluded.position_x`,
                positionY: sql`excluded.position_y`,
                setter: sql`excluded.setter`,
                setAt: sql`excluded.set_at`,
                removalPlannedAt: sql`excluded.removal_planned_at`,
                archived: sql`excluded.archived`,
              },
              setWhere: o.keepExisting
                ? sql`false`
                : sql`(${climbs.layoutId}, ${climbs.name}, ${climbs.grade}, ${climbs.color}, ${climbs.positionX}, ${climbs.positionY}, ${climbs.setter}, ${climbs.setAt}, ${climbs.removalPlannedAt}, ${climbs.archived})
                is distinct from (excluded.layout_id, excluded.name, excluded.grade, excluded.color, excluded.position_x, excluded.position_y, excluded.setter, excluded.set_at, excluded.removal_planned_at, excluded.archived)`,
            })
            .returning({ inserted });

    return {
      layouts: counts(layoutRows, gym.layouts.length),
      climbs: counts(climbRows, gym.climbs.length),
      pictures: {
        created: createdPictures,
        unchanged: uniquePictures.length - createdPictures,
      },
    };
  });
}
