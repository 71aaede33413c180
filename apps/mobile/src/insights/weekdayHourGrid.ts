import type { InsightsResponse } from '@sendlog/contract';
import { colors } from '../theme/theme';

export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** How many of the busiest cells the chart names in words. */
export const BUSIEST_SHOWN = 5;

/**
 * The shades of a cell, lightest (no session) to darkest, each with the colour of the count
 * written in it: the count is the figure, the shade only helps the eye find the busy hours.
 * Every pair passes 4.5:1 (weekdayHourGrid.test.ts checks it).
 */
export const GRID_SHADES = [
  { fill: colors.surface, text: colors.muted },
  { fill: '#dae6f7', text: colors.text },
  { fill: '#a9c5ec', text: colors.text },
  { fill: '#6c9bdf', text: colors.text },
  { fill: colors.primary, text: colors.primaryText },
] as const;

export interface GridCell {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  sessions: number;
}

export interface WeekdayHourGrid {
  /** `sessions[weekday - 1][hour]`, zeros included. */
  sessions: number[][];
  max: number;
  /** The busiest cells, most sessions first (then earlier in the week and the day). */
  busiest: GridCell[];
  /** The busiest cells in words, for the card's visible line. */
  busiestText: string;
  /** Every cell with sessions, weekday by weekday: the chart's whole table as text. */
  summary: string;
}

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const sessionsText = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;

/** The weekday × hour grid of the answer: sessions by local weekday and hour of their start. */
export function weekdayHourGrid(insights: InsightsResponse): WeekdayHourGrid {
  const sessions = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  const cells = insights.activity.byWeekdayHour.filter(
    (c) => c.weekday >= 1 && c.weekday <= 7 && c.hour >= 0 && c.hour <= 23 && c.sessions > 0,
  );
  for (const c of cells) sessions[c.weekday - 1]![c.hour] = c.sessions;
  const busiest = [...cells]
    .sort((a, b) => b.sessions - a.sessions || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, BUSIEST_SHOWN);
  const busiestText =
    busiest.length === 0
      ? 'No sessions in this period.'
      : `Busiest: ${busiest
          .map(
            (c) =>
              `${WEEKDAY_SHORT[c.weekday - 1]} ${hourText(c.hour)} (${sessionsText(c.sessions)})`,
          )
          .join(', ')}.`;
  const days = sessions.map((row, i) => {
    const busy = row.flatMap((n, hour) => (n > 0 ? [`${hourText(hour)} ${n}`] : []));
    return `${WEEKDAY_NAMES[i]}: ${busy.length === 0 ? 'none' : busy.join(', ')}`;
  });
  return {
    sessions,
    max: Math.max(0, ...cells.map((c) => c.sessions)),
    busiest,
    busiestText,
    summary: `Sessions started, by weekday and hour. ${busiestText} ${days.join('. ')}.`,
  };
}

/** A cell's shade, 0 (none) to 4 (the busiest quarter): never 0 for a cell with a session. */
export function shadeLevel(sessions: number, max: number): number {
  if (sessions <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((sessions / max) * 4)));
}

/** The legend of the shades in use for `max`: which counts each shade stands for. */
export function shadeLegend(max: number): { level: number; label: string }[] {
  const legend: { level: number; label: string }[] = [];
  for (let level = 1; level <= 4; level += 1) {
    const lo = Math.floor(((level - 1) * max) / 4) + 1;
    const hi = Math.floor((level * max) / 4);
    if (lo > hi) continue;
    legend.push({ level, label: lo === hi ? sessionsText(lo) : `${lo}–${hi} sessions` });
  }
  return legend;
}

/** How the grid is drawn in `width`: hours across on a wide card, down on a phone's column. */
export interface GridLayout {
  /** `across`: a row per weekday, a column per hour; `down`: a column per weekday. */
  orientation: 'across' | 'down';
  cellWidth: number;
  cellHeight: number;
  /** Room for the row labels on the left and the column labels on top. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A cell narrower than this cannot hold a three-digit count in the axis font. */
const MIN_CELL = 24;

export function gridLayout(width: number): GridLayout {
  const acrossLeft = 36;
  const acrossCell = Math.floor((width - acrossLeft) / 24);
  if (acrossCell >= MIN_CELL) {
    const cellHeight = 28;
    const top = 18;
    return {
      orientation: 'across',
      cellWidth: acrossCell,
      cellHeight,
      left: acrossLeft,
      top,
      width,
      height: top + 7 * cellHeight,
    };
  }
  // A phone: 24 short rows of 7 wide cells read better than 24 columns too thin for a number.
  const left = 44;
  const top = 18;
  const cellHeight = 22;
  return {
    orientation: 'down',
    cellWidth: Math.max(MIN_CELL, Math.floor((width - left) / 7)),
    cellHeight,
    left,
    top,
    width,
    height: top + 24 * cellHeight,
  };
}

/** Where a cell is drawn (its top-left corner) in a layout. */
export function cellOrigin(layout: GridLayout, weekday: number, hour: number) {
  const [col, row] = layout.orientation === 'across' ? [hour, weekday - 1] : [weekday - 1, hour];
  return { x: layout.left + col * layout.cellWidth, y: layout.top + row * layout.cellHeight };
}
