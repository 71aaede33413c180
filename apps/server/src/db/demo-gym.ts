import { stableUuid } from './stable-id.js';

/** The demo gym of API.md: two layouts, climbs over V0–V10, one archived. Ids never change. */
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

export const DEMO_LAYOUTS: DemoLayout[] = [
  {
    id: stableUuid('layout:main-wall'),
    name: 'Main Wall',
    description: '40° board with crimps, slopers and a long campus rail.',
  },
  {
    id: stableUuid('layout:the-cave'),
    name: 'The Cave',
    description: 'Steep roof problems, heel hooks and big moves between jugs.',
  },
];

const MAIN_WALL = [
  'Warm Welcome',
  'First Steps',
  'Chalk Cloud',
  'Easy Tiger',
  'Crimp School',
  'Slab Happy',
  'Pinch Me',
  'Side Pull Saga',
  'Blue Moon',
  'Flagging Rights',
  'Dyno Mite',
  'Mantle Piece',
  'Sloper Scope',
  'Gaston Gas',
  'Toe Hook Tango',
  'The Arete',
  'Undercling Uprising',
  'Campus Cat',
  'Thin Ice',
  'Knee Bar Blues',
  'Iron Cross',
  'Last Light',
];
const THE_CAVE = [
  'Cave Entrance',
  'Jug Haul',
  'Bat Hang',
  'Stalactite',
  'Heel Yeah',
  'Roof Rat',
  'Echo Chamber',
  'Drip Line',
  'Dark Matter',
  'Upside Down',
  'Bicycle Kick',
  'Cave Troll',
  'Black Hole',
  'Gravity Well',
  'Deep End',
  'Subterranean',
  'Nightcrawler',
  'Abyss',
  'Core Blimey',
  'The Lip',
];

function climbsOf(layout: DemoLayout, slug: string, names: string[]): DemoClimb[] {
  return names.map((name, i) => ({
    id: stableUuid(`climb:${slug}:${i}`),
    layoutId: layout.id,
    name,
    // Spread evenly from V0 to V10 across each layout.
    grade: `V${Math.round((i * 10) / (names.length - 1))}`,
    archived: false,
  }));
}

export const DEMO_CLIMBS: DemoClimb[] = [
  ...climbsOf(DEMO_LAYOUTS[0]!, 'main-wall', MAIN_WALL),
  ...climbsOf(DEMO_LAYOUTS[1]!, 'the-cave', THE_CAVE),
  // Reset out of the gym but still referenced by old sessions: climbs are archived, never deleted.
  {
    id: stableUuid('climb:main-wall:retired-1'),
    layoutId: DEMO_LAYOUTS[0]!.id,
    name: 'Retired Classic',
    grade: 'V4',
    archived: true,
  },
];

export const DEMO_USER_NAME = 'Demo Climber';
