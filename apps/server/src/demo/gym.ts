import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { climbIdOf, gymFileSchema, layoutIdOf } from '../catalogue/gym-file.js';

/**
 * The demo gym is an ordinary gym file (`apps/server/gym/demo/`), imported like any gym's:
 * two walls with pictures, climbs over V0–V10 placed on them, one archived. Ids never change.
 */
export const DEMO_GYM_DIR = fileURLToPath(new URL('../../gym/demo', import.meta.url));

export interface DemoClimb {
  id: string;
  layoutId: string;
  name: string;
  grade: string;
  archived: boolean;
}
export interface DemoLayout {
  id: string;
  name: string;
  description: string;
}

// Read synchronously (without the pictures) so tests can name demo climbs at import time.
const demo = gymFileSchema.parse(
  JSON.parse(readFileSync(`${DEMO_GYM_DIR}/gym.json`, 'utf8')) as unknown,
);

export const DEMO_LAYOUTS: DemoLayout[] = demo.layouts.map((l) => ({
  id: layoutIdOf(l.key),
  name: l.name,
  description: l.description,
}));

export const DEMO_CLIMBS: DemoClimb[] = demo.layouts.flatMap((l) =>
  l.climbs.map((c) => ({
    id: climbIdOf(l.key, c.key),
    layoutId: layoutIdOf(l.key),
    name: c.name,
    grade: c.grade,
    archived: c.archived,
  })),
);

export const DEMO_USER_NAME = 'Demo Climber';
export const DEMO_SETTER_NAME = 'Demo Setter';
