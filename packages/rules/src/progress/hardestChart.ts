import type { GradeSystem, StatsWeek } from '@sendlog/contract';
import { GRADES_BY_SYSTEM } from '@sendlog/contract';
import { displayGrade } from './gradeRows.js';
import { labelledIndexes, shortDate } from './scale.js';

export interface HardestPoint {
  weekStart: string;
  /** The week's hardest send, in the climber's system. */
  grade: string;
  x: number;
  y: number;
}

export interface HardestChart {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** Grades on the y axis, easiest at the bottom. */
  yTicks: { grade: string; y: number }[];
  xLabels: { text: string; x: number }[];
  labelY: number;
  /** One per week with a send (a week without one has no point: nothing was sent). */
  points: HardestPoint[];
  /**
   * The best send so far in the period as a step line (SVG path): it holds its level through
   * weeks without a harder send and steps up in the week of one. Empty without sends.
   */
  bestSoFarPath: string;
  summary: string;
}

export const HARDEST_LAYOUT = {
  axisWidth: 44,
  rightPadding: 12,
  top: 10,
  /** Height per grade step, within limits so one grade or twenty both read well. */
  gradeStep: 22,
  minPlotHeight: 66,
  maxPlotHeight: 176,
  labelHeight: 26,
  maxGradeLabels: 8,
  maxLabels: 6,
} as const;

/**
 * The hardest send of each week as points on a grade axis of the climber's system, and the best
 * so far as a step line. `hardestByWeek` is aligned with `weeks` (see `tallyTries`).
 */
export function hardestChart(
  weeks: readonly StatsWeek[],
  hardestByWeek: readonly (string | null)[],
  system: GradeSystem,
  width: number,
): HardestChart {
  const L = HARDEST_LAYOUT;
  const scale = GRADES_BY_SYSTEM[system];
  const sent = weeks.flatMap((week, i) => {
    const grade = hardestByWeek[i];
    if (grade == null) return [];
    const shown = displayGrade(grade, system);
    const index = scale.indexOf(shown as never);
    return index < 0 ? [] : [{ i, weekStart: week.weekStart, grade: shown, index }];
  });
  // One grade below the easiest and one above the hardest, so no point sits on the frame.
  const low = sent.length > 0 ? Math.min(...sent.map((s) => s.index)) - 1 : 0;
  const high =
    sent.length > 0 ? Math.min(scale.length - 1, Math.max(...sent.map((s) => s.index)) + 1) : 1;
  const bottomIndex = Math.max(0, Math.min(low, high - 1));
  const steps = Math.max(1, high - bottomIndex);
  const plotHeight = Math.min(L.maxPlotHeight, Math.max(L.minPlotHeight, steps * L.gradeStep));
  const plotTop = L.top;
  const plotBottom = plotTop + plotHeight;
  const yOf = (index: number) => plotBottom - ((index - bottomIndex) / steps) * plotHeight;
  const plotLeft = L.axisWidth;
  const plotRight = Math.max(plotLeft + 1, width - L.rightPadding);
  const slot = weeks.length > 0 ? (plotRight - plotLeft) / weeks.length : 0;
  const xOf = (i: number) => plotLeft + i * slot + slot / 2;

  const points = sent.map((s) => ({
    weekStart: s.weekStart,
    grade: s.grade,
    x: xOf(s.i),
    y: yOf(s.index),
  }));
  let path = '';
  let best = -1;
  for (const s of sent) {
    if (s.index <= best) continue;
    const x = xOf(s.i);
    path +=
      path === '' ? `M${round(x)} ${round(yOf(s.index))}` : `H${round(x)}V${round(yOf(s.index))}`;
    best = s.index;
  }
  // Held to the end of the period: the best so far is still the best.
  if (path !== '') path += `H${round(xOf(weeks.length - 1))}`;

  const gradeIndexes = labelledIndexes(steps + 1, L.maxGradeLabels).map((k) => bottomIndex + k);
  const spansYears =
    weeks.length > 0 && weeks[0]?.weekStart.slice(0, 4) !== weeks.at(-1)?.weekStart.slice(0, 4);
  return {
    width,
    height: plotBottom + L.labelHeight,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    yTicks: gradeIndexes.map((index) => ({ grade: scale[index] ?? '', y: yOf(index) })),
    xLabels: labelledIndexes(weeks.length, L.maxLabels).map((i) => ({
      text: shortDate(weeks[i]?.weekStart ?? '', spansYears && weeks.length > 26),
      x: xOf(i),
    })),
    labelY: plotBottom + 20,
    points,
    bestSoFarPath: path,
    summary: hardestSummary(points),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function hardestSummary(points: readonly HardestPoint[]): string {
  if (points.length === 0) return 'Hardest send per week: no sends in this period.';
  const rows = points.map((p) => `week of ${shortDate(p.weekStart, true)}: ${p.grade}`);
  return `Hardest send per week, weeks with a send. ${rows.join('; ')}.`;
}
