import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { climbFields, layoutFields, normalizeGrade, refineGradeOf } from '@sendlog/contract';
import { z } from 'zod';
import { stableUuid } from '../db/stable-id.js';
import { checkWallPicture, type WallPicture } from './wall-picture.js';

/**
 * A whole gym's catalogue in one file (`gym.json`, pictures beside it), so a gym moving from a
 * spreadsheet is in within minutes. Layouts and climbs carry keys rather than ids: a key names
 * the same wall or climb on every import, so importing the file again changes nothing.
 */
const key = z.string({ error: 'must be a string' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: 'must be 1–64 letters, digits, dots, dashes or underscores',
});

const gymClimbSchema = z.strictObject({
  key,
  ...climbFields,
  archived: z.boolean({ error: 'must be a boolean' }).default(false),
});

const gymLayoutSchema = z
  .strictObject({
    key,
    ...layoutFields,
    description: layoutFields.description.default(''),
    archived: z.boolean({ error: 'must be a boolean' }).default(false),
    /** A JPEG, PNG or WebP file beside gym.json. */
    picture: z
      .string({ error: 'must be a file name' })
      .regex(/^[^/\\]+\.(jpe?g|png|webp)$/i, {
        error: 'must be a .jpg, .png or .webp file beside the gym file',
      })
      .nullish(),
    climbs: z.array(gymClimbSchema, { error: 'must be an array' }),
  })
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.climbs.forEach((c, i) => {
      refineGradeOf(ctx, layout.gradeSystem, c.grade, ['climbs', i, 'grade']);
      if (seen.has(c.key)) {
        ctx.addIssue({ code: 'custom', path: ['climbs', i, 'key'], message: 'is repeated' });
      }
      seen.add(c.key);
    });
  });

export const gymFileSchema = z
  .strictObject({
    format: z.literal('sendlog-gym', { error: 'must be "sendlog-gym"' }),
    version: z.literal(1, { error: 'must be 1' }),
    name: z.string({ error: 'must be a string' }).optional(),
    layouts: z.array(gymLayoutSchema, { error: 'must be an array' }),
  })
  .superRefine((gym, ctx) => {
    const seen = new Set<string>();
    gym.layouts.forEach((l, i) => {
      if (seen.has(l.key)) {
        ctx.addIssue({ code: 'custom', path: ['layouts', i, 'key'], message: 'is repeated' });
      }
      seen.add(l.key);
    });
  });
export type GymFile = z.infer<typeof gymFileSchema>;

export interface GymPicture extends WallPicture {
  bytes: Uint8Array;
}

/** The rows a gym file stands for, with the ids its keys always map to. */
export interface GymCatalogue {
  layouts: {
    id: string;
    /** The file's key: the id is re-derived from it for a gym whose legacy id is taken. */
    key: string;
    name: string;
    description: string;
    gradeSystem: 'V' | 'Font';
    archived: boolean;
    picture: GymPicture | null;
  }[];
  climbs: {
    id: string;
    key: string;
    layoutId: string;
    layoutKey: string;
    name: string;
    grade: string;
    color: string | null;
    positionX: number | null;
    positionY: number | null;
    setter: string | null;
    setAt: Date | null;
    removalPlannedAt: string | null;
    archived: boolean;
  }[];
}

/**
 * The id a key maps to. Keys were named before gyms, when a server held one gym: those ids stay
 * (a gym imported then keeps its walls and climbs). A gym whose key is another gym's wall
 * already gets ids of its own (`gymId` given, see gym-import.ts).
 */
export const layoutIdOf = (layoutKey: string, gymId?: string) =>
  stableUuid(gymId === undefined ? `layout:${layoutKey}` : `gym:${gymId}:layout:${layoutKey}`);
export const climbIdOf = (layoutKey: string, climbKey: string, gymId?: string) =>
  stableUuid(
    gymId === undefined
      ? `climb:${layoutKey}:${climbKey}`
      : `gym:${gymId}:climb:${layoutKey}:${climbKey}`,
  );

const PICTURE_TYPE_BY_EXTENSION: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

export class GymFileError extends Error {}

/** Reads and checks `gym.json` in `dir` and every picture it names; throws GymFileError. */
export async function readGymFile(dir: string): Promise<GymCatalogue> {
  const path = join(dir, 'gym.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new GymFileError(`${path}: ${(error as Error).message}`);
  }
  const parsed = gymFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new GymFileError(`${path} is not a valid gym file:\n${lines.join('\n')}`);
  }
  const catalogue: GymCatalogue = { layouts: [], climbs: [] };
  for (const l of parsed.data.layouts) {
    const layoutId = layoutIdOf(l.key);
    catalogue.layouts.push({
      id: layoutId,
      key: l.key,
      name: l.name,
      description: l.description,
      gradeSystem: l.gradeSystem,
      archived: l.archived,
      picture: l.picture ? await readPicture(dir, l.picture) : null,
    });
    for (const c of l.climbs) {
      catalogue.climbs.push({
        id: climbIdOf(l.key, c.key),
        key: c.key,
        layoutId,
        layoutKey: l.key,
        name: c.name,
        grade: normalizeGrade(c.grade) ?? c.grade,
        color: c.color ?? null,
        positionX: c.position?.x ?? null,
        positionY: c.position?.y ?? null,
        setter: c.setter ?? null,
        setAt: c.setAt ? new Date(c.setAt) : null,
        removalPlannedAt: c.removalPlannedAt ?? null,
        archived: c.archived,
      });
    }
  }
  return catalogue;
}

async function readPicture(dir: string, name: string): Promise<GymPicture> {
  const path = join(dir, name);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new GymFileError(`${path}: ${(error as Error).message}`);
  }
  const type = PICTURE_TYPE_BY_EXTENSION[extname(name).toLowerCase()] ?? 'unknown';
  const checked = checkWallPicture(type, bytes);
  if (!checked.ok) throw new GymFileError(`${path}: ${checked.message}`);
  return { ...checked.picture, bytes };
}
