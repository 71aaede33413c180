import { contrastRatio } from '../theme/contrast';

/**
 * The hold colours a gym tapes its problems in. The server stores any `#rrggbb` (see docs/api.md),
 * so this is the app's vocabulary over it: `value` is what a setter's pick sends (the demo gym's
 * colours), `fill` what the app draws (a shade that carries its `text` at 4.5:1 or more, checked
 * in holdColors.test.ts), and `name` what a screen reader says: colour alone never carries meaning.
 */
export interface HoldColor {
  name: string;
  value: string;
  fill: string;
  /** The text drawn on `fill` (a grade on a wall dot). */
  text: string;
}

const DARK_TEXT = '#1d2330';
const LIGHT_TEXT = '#ffffff';

export const HOLD_COLORS: readonly HoldColor[] = [
  { name: 'red', value: '#e53935', fill: '#c62828', text: LIGHT_TEXT },
  { name: 'orange', value: '#fb8c00', fill: '#fb8c00', text: DARK_TEXT },
  { name: 'yellow', value: '#fdd835', fill: '#fdd835', text: DARK_TEXT },
  { name: 'green', value: '#43a047', fill: '#2e7d32', text: LIGHT_TEXT },
  { name: 'teal', value: '#00897b', fill: '#00796b', text: LIGHT_TEXT },
  { name: 'blue', value: '#1e88e5', fill: '#1565c0', text: LIGHT_TEXT },
  { name: 'purple', value: '#8e24aa', fill: '#8e24aa', text: LIGHT_TEXT },
  { name: 'pink', value: '#f06292', fill: '#f06292', text: DARK_TEXT },
  { name: 'brown', value: '#6d4c41', fill: '#6d4c41', text: LIGHT_TEXT },
  { name: 'black', value: '#212121', fill: '#212121', text: LIGHT_TEXT },
  { name: 'grey', value: '#9e9e9e', fill: '#9e9e9e', text: DARK_TEXT },
  { name: 'white', value: '#fafafa', fill: '#ffffff', text: DARK_TEXT },
];

/** A climb with no colour given: drawn neutral, named as such. */
export const NO_HOLD_COLOR: HoldColor = {
  name: 'no colour',
  value: '',
  fill: '#e3e7ec',
  text: DARK_TEXT,
};

function rgb(hex: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return [
    parseInt(match[1] ?? '0', 16),
    parseInt(match[2] ?? '0', 16),
    parseInt(match[3] ?? '0', 16),
  ];
}

/**
 * "Redmean" distance: plain RGB distance weighted the way eyes weigh red, green and blue, good
 * enough to tell a gym's pink from its red without a colour-space library.
 */
function distance(a: [number, number, number], b: [number, number, number]): number {
  const meanRed = (a[0] + b[0]) / 2;
  const [dr, dg, db] = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  return Math.sqrt(
    (2 + meanRed / 256) * dr * dr + 4 * dg * dg + (2 + (255 - meanRed) / 256) * db * db,
  );
}

/**
 * The named colour a climb's `#rrggbb` is closest to (a setter on another app may have typed
 * `#1f87e4`); null colour or an unreadable one → NO_HOLD_COLOR.
 */
export function holdColorOf(hex: string | null): HoldColor {
  const target = hex === null ? null : rgb(hex);
  if (!target) return NO_HOLD_COLOR;
  let best: HoldColor = NO_HOLD_COLOR;
  let bestDistance = Infinity;
  for (const color of HOLD_COLORS) {
    for (const shade of [color.value, color.fill]) {
      const candidate = rgb(shade);
      const d = candidate ? distance(target, candidate) : Infinity;
      if (d < bestDistance) [best, bestDistance] = [color, d];
    }
  }
  return best;
}

/** The contrast of a colour's text on its fill (what the tests hold at 4.5:1). */
export function holdColorTextContrast(color: HoldColor): number {
  return contrastRatio(color.text, color.fill);
}
