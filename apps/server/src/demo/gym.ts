import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GradeSystem } from '@sendlog/contract';
import { climbIdOf, gymFileSchema, layoutIdOf } from '../catalogue/gym-file.js';
import { stableUuid } from '../db/stable-id.js';

/**
 * The demo gym is an ordinary gym file (`apps/server/gym/demo/`), imported like any gym's:
 * two walls with pictures, climbs over V0–V10 placed on them, one archived. Ids never change.
 */
export const DEMO_GYM_DIR = fileURLToPath(new URL('../../gym/demo', import.meta.url));

/** A demo gym: the gym itself and the folder of its gym file. */
export interface DemoGym {
  id: string;
  slug: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  gradeSystem: GradeSystem;
  dir: string;
}

/** The demo gym of v2: the demo climber follows it, the demo setter sets there. */
export const DEMO_GYM: DemoGym = {
  id: stableUuid('gym:demo'),
  slug: 'sendlog-demo',
  name: 'Sendlog demo gym',
  city: 'Berlin',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  gradeSystem: 'V',
  dir: DEMO_GYM_DIR,
};

/** A second, smaller gym (one Font wall), so demo mode shows a server of many gyms. */
export const SECOND_DEMO_GYM: DemoGym = {
  id: stableUuid('gym:demo-boulderwerk'),
  slug: 'boulderwerk-zurich',
  name: 'Boulderwerk Zürich',
  city: 'Zürich',
  country: 'CH',
  timeZone: 'Europe/Zurich',
  gradeSystem: 'Font',
  dir: fileURLToPath(new URL('../../gym/demo-boulderwerk', import.meta.url)),
};

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

const second = gymFileSchema.parse(
  JSON.parse(readFileSync(`${SECOND_DEMO_GYM.dir}/gym.json`, 'utf8')) as unknown,
);

/** The second demo gym's walls and climbs (ids as for the first: from their keys). */
export const SECOND_DEMO_LAYOUTS: DemoLayout[] = second.layouts.map((l) => ({
  id: layoutIdOf(l.key),
  name: l.name,
  description: l.description,
}));
export const SECOND_DEMO_CLIMBS: DemoClimb[] = second.layouts.flatMap((l) =>
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
