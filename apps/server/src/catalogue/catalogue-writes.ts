import { randomUUID } from 'node:crypto';
import type { GradeSystem } from '@sendlog/contract';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { climbs, layouts, wallImages } from '../db/schema.js';
import { pictureIdOf } from './gym-import.js';
import type { WallPicture } from './wall-picture.js';

/** A climb as the catalogue stores it; its grade already in canonical spelling. */
export interface NewClimb {
  name: string;
  grade: string;
  color?: string | null | undefined;
  position?: { x: number; y: number } | null | undefined;
  setter?: string | null | undefined;
  setAt?: string | null | undefined;
  /** `YYYY-MM-DD`: the day the gym plans to take it down. */
  removalPlannedAt?: string | null | undefined;
}

export async function createLayout(
  db: Db,
  layout: { gymId: string; name: string; description: string; gradeSystem: GradeSystem },
): Promise<string> {
  const id = randomUUID();
  await db.insert(layouts).values({ id, ...layout });
  return id;
}

/** Changes what is given; false when no such layout exists. */
export async function updateLayout(
  db: Db,
  layoutId: string,
  changes: {
    name?: string | undefined;
    description?: string | undefined;
    archived?: boolean | undefined;
  },
): Promise<boolean> {
  const set = definedOnly(changes);
  // Nothing to change: no write at all (the row, and so every ETag, stays as it is).
  const rows =
    Object.keys(set).length === 0
      ? await db.select({ id: layouts.id }).from(layouts).where(eq(layouts.id, layoutId))
      : await db
          .update(layouts)
          .set(set)
          .where(eq(layouts.id, layoutId))
          .returning({ id: layouts.id });
  return rows.length > 0;
}

/**
 * Stores the picture (once per content: its id follows from its hash) and hangs it on the
 * layout, in one transaction; false when no such layout exists (nothing is stored then).
 */
export async function setLayoutPicture(
  db: Db,
  layoutId: string,
  picture: WallPicture,
  bytes: Uint8Array,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = pictureIdOf(picture.sha256);
    const [layout] = await tx
      .select({ id: layouts.id })
      .from(layouts)
      .where(eq(layouts.id, layoutId))
      .for('update');
    if (!layout) return false;
    await tx
      .insert(wallImages)
      .values({
        id,
        sha256: picture.sha256,
        contentType: picture.contentType,
        width: picture.width,
        height: picture.height,
        bytes,
      })
      // The same picture again: shown once more, so no sweep may delete it (the row lock this
      // takes makes a sweep's delete wait and see the cleared mark).
      .onConflictDoUpdate({ target: wallImages.id, set: { unusedSince: null } });
    await tx.update(layouts).set({ imageId: id }).where(eq(layouts.id, layoutId));
    return true;
  });
}

function climbRow(layoutId: string, c: NewClimb) {
  return {
    id: randomUUID(),
    layoutId,
    name: c.name,
    grade: c.grade,
    color: c.color ?? null,
    positionX: c.position?.x ?? null,
    positionY: c.position?.y ?? null,
    setter: c.setter ?? null,
    setAt: c.setAt ? new Date(c.setAt) : null,
    removalPlannedAt: c.removalPlannedAt ?? null,
  };
}

/** Adds climbs to a layout in one statement; their ids in the order given. */
export async function createClimbs(
  db: Db,
  layoutId: string,
  list: readonly NewClimb[],
): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = list.map((c) => climbRow(layoutId, c));
  await db.insert(climbs).values(rows);
  return rows.map((r) => r.id);
}

/**
 * A wall reset, in ONE transaction: every climb of the layout still up is archived (when
 * `archiveOthers`), then the new ones go in. Should any statement fail, nothing of it stays.
 */
export async function resetLayout(
  db: Db,
  layoutId: string,
  list: readonly NewClimb[],
  archiveOthers: boolean,
): Promise<{ created: string[]; archived: number }> {
  return db.transaction(async (tx) => {
    // The layout's row lock orders two resets of one wall: the second archives the first's.
    await tx.select({ id: layouts.id }).from(layouts).where(eq(layouts.id, layoutId)).for('update');
    const archived = archiveOthers
      ? await tx
          .update(climbs)
          .set({ archived: true })
          .where(and(eq(climbs.layoutId, layoutId), eq(climbs.archived, false)))
          .returning({ id: climbs.id })
      : [];
    const created = await createClimbs(tx, layoutId, list);
    return { created, archived: archived.length };
  });
}

/** Changes what is given (`null` clears colour or position); false when no such climb exists. */
export async function updateClimb(
  db: Db,
  climbId: string,
  changes: {
    name?: string | undefined;
    grade?: string | undefined;
    color?: string | null | undefined;
    position?: { x: number; y: number } | null | undefined;
    removalPlannedAt?: string | null | undefined;
    archived?: boolean | undefined;
  },
): Promise<boolean> {
  const { position, ...rest } = changes;
  const set = {
    ...definedOnly(rest),
    ...(position !== undefined
      ? { positionX: position?.x ?? null, positionY: position?.y ?? null }
      : {}),
  };
  const rows =
    Object.keys(set).length === 0
      ? await db.select({ id: climbs.id }).from(climbs).where(eq(climbs.id, climbId))
      : await db.update(climbs).set(set).where(eq(climbs.id, climbId)).returning({ id: climbs.id });
  return rows.length > 0;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
