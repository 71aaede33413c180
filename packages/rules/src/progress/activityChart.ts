import type { StatsWeek } from '@sendlog/contract';
import { plural } from './words.js';
import { countAxis, labelledIndexes, scaleTo, shortDate, type CountAxis } from './scale.js';

export interface Bar {
  y: number;
  height: number;
}

export interface ActivityColumn {
  weekStart: string;
  sessions: number;
  attempts: number;
  sends: number;
  /** Left edge and width of the week's bars (the same in both panels). */
  x: number;
  width: number;
  attemptsBar: Bar;
  sendsBar: Bar;
  sessionsBar: Bar;
}

export interface ActivityChart {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** Upper panel: attempts, with the sends drawn over them (a send is one of the tries). */
  climbing: { top: number; bottom: number; axis: CountAxis; ticks: { value: number; y: number }[] };
  /** Lower panel: sessions. */
  sessionsPanel: {
    top: number;
    bottom: number;
    axis: CountAxis;
    ticks: { value: number; y: number }[];
  };
  /** Week labels under the lower panel, every few weeks on a long period. */
  xLabels: { text: string; x: number }[];
  labelY: number;
  /** One per ISO week of the period, empty weeks included, oldest first. */
  columns: ActivityColumn[];
  summary: string;
}

export const ACTIVITY_LAYOUT = {
  axisWidth: 34,
  rightPadding: 8,
  climbingHeight: 120,
  gap: 24,
  sessionsHeight: 44,
  labelHeight: 24,
  /** The bar's share of its week's slot. */
  barShare: 0.7,
  maxLabels: 6,
} as const;

/** Bars per ISO week: attempts and sends above, sessions below, every week of the period. */
export function activityChart(weeks: readonly StatsWeek[], width: number): ActivityChart {
  const L = ACTIVITY_LAYOUT;
  const plotLeft = L.axisWidth;
  const plotRight = Math.max(plotLeft + 1, width - L.rightPadding);
  const slot = weeks.length > 0 ? (plotRight - plotLeft) / weeks.length : 0;
  const barWidth = Math.max(1, slot * L.barShare);

  const climbingTop = 6;
  const climbingBottom = climbingTop + L.climbingHeight;
  const sessionsTop = climbingBottom + L.gap;
  const sessionsBottom = sessionsTop + L.sessionsHeight;
  const climbingAxis = countAxis(Math.max(0, ...weeks.map((w) => w.attempts)));
  const sessionsAxis = countAxis(Math.max(0, ...weeks.map((w) => w.sessions)), 2);
  const bar = (value: number, max: number, bottom: number, height: number): Bar => {
    const h = scaleTo(value, max, height);
    return { y: bottom - h, height: h };
  };

  const columns = weeks.map((week, i): ActivityColumn => ({
    ...week,
    x: plotLeft + i * slot + (slot - barWidth) / 2,
    width: barWidth,
    attemptsBar: bar(week.attempts, climbingAxis.max, climbingBottom, L.climbingHeight),
    sendsBar: bar(week.sends, climbingAxis.max, climbingBottom, L.climbingHeight),
    sessionsBar: bar(week.sessions, sessionsAxis.max, sessionsBottom, L.sessionsHeight),
  }));
  const spansYears =
    weeks.length > 0 && weeks[0]?.weekStart.slice(0, 4) !== weeks.at(-1)?.weekStart.slice(0, 4);
  const xLabels = labelledIndexes(weeks.length, L.maxLabels).map((i) => ({
    text: shortDate(weeks[i]?.weekStart ?? '', spansYears && weeks.length > 26),
    x: plotLeft + i * slot + slot / 2,
  }));
  return {
    width,
    height: sessionsBottom + L.labelHeight,
    plotLeft,
    plotRight,
    climbing: {
      top: climbingTop,
      bottom: climbingBottom,
      axis: climbingAxis,
      ticks: climbingAxis.ticks.map((value) => ({
        value,
        y: climbingBottom - scaleTo(value, climbingAxis.max, L.climbingHeight),
      })),
    },
    sessionsPanel: {
      top: sessionsTop,
      bottom: sessionsBottom,
      axis: sessionsAxis,
      ticks: sessionsAxis.ticks.map((value) => ({
        value,
        y: sessionsBottom - scaleTo(value, sessionsAxis.max, L.sessionsHeight),
      })),
    },
    xLabels,
    labelY: sessionsBottom + 17,
    columns,
    summary: activitySummary(weeks),
  };
}

function activitySummary(weeks: readonly StatsWeek[]): string {
  const active = weeks.filter((w) => w.sessions > 0 || w.attempts > 0);
  const head = `Activity per week, ${plural(weeks.length, 'week', 'weeks')}`;
  if (active.length === 0) return `${head}: no sessions.`;
  const rows = active.map(
    (w) =>
      `week of ${shortDate(w.weekStart, true)}: ${plural(w.sessions, 'session', 'sessions')}, ` +
      `${plural(w.attempts, 'attempt', 'attempts')}, ${plural(w.sends, 'send', 'sends')}`,
  );

  const quiet = weeks.length - active.length;
  const rest = quiet > 0 ? ` No sessions in the other ${plural(quiet, 'week', 'weeks')}.` : '';
  return `${head}. ${rows.join('; ')}.${rest}`;
}
