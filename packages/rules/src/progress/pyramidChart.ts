import type { GradeSystem, PyramidRow } from '@sendlog/contract';
import { axisLabel, gradeLabel, rowsInSystem } from './gradeRows.js';
import { countAxis, scaleTo, type CountAxis } from './scale.js';

export type PyramidKind = 'flashed' | 'sent' | 'triedOnly';

/** Left to right in a bar, and in the legend. */
export const PYRAMID_KINDS: readonly { kind: PyramidKind; label: string }[] = [
  { kind: 'flashed', label: 'Flashed' },
  { kind: 'sent', label: 'Sent' },
  { kind: 'triedOnly', label: 'Tried only' },
];

export interface PyramidSegment {
  kind: PyramidKind;
  count: number;
  x: number;
  width: number;
}

export interface PyramidBar {
  /** The row's grade in the climber's system, in full (the text equivalent reads it). */
  label: string;
  /** The same, cut to fit the label column. */
  axisLabel: string;
  flashed: number;
  sent: number;
  triedOnly: number;
  total: number;
  /** Top of the bar, and its middle (where the labels sit). */
  y: number;
  middleY: number;
  segments: PyramidSegment[];
  /** Where the total is written, just after the bar. */
  totalX: number;
}

export interface PyramidChart {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** The x axis runs along here, below the last bar. */
  axisY: number;
  axis: CountAxis;
  xTicks: { value: number; x: number }[];
  barHeight: number;
  /** Hardest grade first: drawn top to bottom. */
  bars: PyramidBar[];
  summary: string;
}

export const PYRAMID_LAYOUT = {
  labelWidth: 48,
  totalWidth: 32,
  rowHeight: 26,
  barHeight: 18,
  axisHeight: 22,
} as const;

/** The pyramid's rows in the climber's system (see `rowsInSystem`), gaps between grades kept. */
export function pyramidRows(pyramid: readonly PyramidRow[], system: GradeSystem): PyramidRow[] {
  return rowsInSystem(
    pyramid,
    system,
    (grade) => ({ grade, flashed: 0, sent: 0, triedOnly: 0 }),
    (into, from) => {
      into.flashed += from.flashed;
      into.sent += from.sent;
      into.triedOnly += from.triedOnly;
    },
    true,
  );
}

/**
 * The grade pyramid as stacked horizontal bars, hardest grade on top: each climb of the period
 * once, by its best result (flashed, sent, tried only), on a count axis shared by every row.
 */
export function pyramidChart(
  pyramid: readonly PyramidRow[],
  system: GradeSystem,
  width: number,
): PyramidChart {
  const { labelWidth, totalWidth, rowHeight, barHeight, axisHeight } = PYRAMID_LAYOUT;
  const rows = pyramidRows(pyramid, system);
  const totals = rows.map((r) => r.flashed + r.sent + r.triedOnly);
  const axis = countAxis(Math.max(0, ...totals));
  const plotLeft = labelWidth;
  const plotRight = Math.max(plotLeft + 1, width - totalWidth);
  const plotWidth = plotRight - plotLeft;
  const bars = rows.map((row, i): PyramidBar => {
    const y = i * rowHeight + (rowHeight - barHeight) / 2;
    let x = plotLeft;
    const segments: PyramidSegment[] = [];
    for (const { kind } of PYRAMID_KINDS) {
      const count = row[kind];
      if (count === 0) continue;
      const segmentWidth = scaleTo(count, axis.max, plotWidth);
      segments.push({ kind, count, x, width: segmentWidth });
      x += segmentWidth;
    }
    return {
      label: gradeLabel(row.grade),
      axisLabel: axisLabel(gradeLabel(row.grade)),
      flashed: row.flashed,
      sent: row.sent,
      triedOnly: row.triedOnly,
      total: totals[i] ?? 0,
      y,
      middleY: i * rowHeight + rowHeight / 2,
      segments,
      totalX: x + 4,
    };
  });
  const axisY = rows.length * rowHeight;
  return {
    width,
    height: axisY + axisHeight,
    plotLeft,
    plotRight,
    axisY,
    axis,
    xTicks: axis.ticks.map((value) => ({
      value,
      x: plotLeft + scaleTo(value, axis.max, plotWidth),
    })),
    barHeight,
    bars,
    summary: pyramidSummary(bars),
  };
}

function pyramidSummary(bars: readonly PyramidBar[]): string {
  const climbed = bars.filter((b) => b.total > 0);
  if (climbed.length === 0) return 'Grade pyramid: no climbs in this period.';
  const rows = climbed.map(
    (b) => `${b.label}: ${b.flashed} flashed, ${b.sent} sent, ${b.triedOnly} tried only`,
  );
  return `Grade pyramid, climbs by best result, hardest first. ${rows.join('; ')}.`;
}
