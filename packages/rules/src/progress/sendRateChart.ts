import type { GradeSystem } from '@sendlog/contract';
import { axisLabel, gradeLabel, rowsInSystem } from './gradeRows.js';
import { scaleTo } from './scale.js';
import type { GradeTries } from './tryTally.js';

export interface SendRateBar {
  /** The grade in full, and cut to fit the label column. */
  label: string;
  axisLabel: string;
  tries: number;
  sends: number;
  /** Whole percent, rounded. */
  percent: number;
  y: number;
  middleY: number;
  /** The filled part; the track spans the whole plot. */
  width: number;
}

export interface SendRateChart {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  xTicks: { value: number; x: number }[];
  barHeight: number;
  /** Hardest grade first. */
  bars: SendRateBar[];
  summary: string;
}

export const SEND_RATE_LAYOUT = {
  labelWidth: 48,
  valueWidth: 92,
  rowHeight: 26,
  barHeight: 18,
  axisHeight: 22,
} as const;

/**
 * Of the tries at each grade (in the climber's system, as on the pyramid), the share that were
 * sends, on a 0–100 % axis. Only grades tried in the period have a row: a rate of nothing is no
 * rate.
 */
export function sendRateChart(
  byGrade: readonly GradeTries[],
  system: GradeSystem,
  width: number,
): SendRateChart {
  const L = SEND_RATE_LAYOUT;
  const rows = rowsInSystem(
    byGrade,
    system,
    (grade) => ({ grade, tries: 0, sends: 0 }),
    (into, from) => {
      into.tries += from.tries;
      into.sends += from.sends;
    },
  ).filter((r) => r.tries > 0);
  const plotLeft = L.labelWidth;
  const plotRight = Math.max(plotLeft + 1, width - L.valueWidth);
  const plotWidth = plotRight - plotLeft;
  const bars = rows.map((row, i): SendRateBar => {
    const rate = row.sends / row.tries;
    return {
      label: gradeLabel(row.grade),
      axisLabel: axisLabel(gradeLabel(row.grade)),
      tries: row.tries,
      sends: row.sends,
      percent: Math.round(rate * 100),
      y: i * L.rowHeight + (L.rowHeight - L.barHeight) / 2,
      middleY: i * L.rowHeight + L.rowHeight / 2,
      width: scaleTo(rate, 1, plotWidth),
    };
  });
  const axisY = rows.length * L.rowHeight;
  return {
    width,
    height: axisY + L.axisHeight,
    plotLeft,
    plotRight,
    axisY,
    xTicks: [0, 25, 50, 75, 100].map((value) => ({
      value,
      x: plotLeft + scaleTo(value, 100, plotWidth),
    })),
    barHeight: L.barHeight,
    bars,
    summary: sendRateSummary(bars),
  };
}

function sendRateSummary(bars: readonly SendRateBar[]): string {
  if (bars.length === 0) return 'Send rate per grade: no routes in this period.';
  const rows = bars.map((b) => `${b.label}: ${b.sends} of ${b.tries} routes sent, ${b.percent}%`);
  return `Send rate per grade, hardest first. ${rows.join('; ')}.`;
}
