import { compareGrades, type InsightsResponse } from '@sendlog/contract';
import { countAxis, shortDate, type CountAxis } from '@sendlog/rules/progress';

/** One grade of the set-vs-climbed chart: shares of the set and of the tries, in percent. */
export interface GradeShare {
  grade: string;
  climbs: number;
  setShare: number;
  tries: number;
  climbedShare: number;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

/**
 * The set against what was climbed, grade by grade (easiest first): how much of the set each
 * grade is, and how much of the climbing. A grade set a lot and climbed little shows at once.
 */
export function gradeShares(insights: InsightsResponse): GradeShare[] {
  const grades = new Set([
    ...insights.set.map((s) => s.grade),
    ...insights.climbed.map((c) => c.grade),
  ]);
  const setTotal = insights.set.reduce((n, s) => n + s.climbs, 0);
  const triesTotal = insights.climbed.reduce((n, c) => n + c.tries, 0);
  return [...grades].sort(compareGrades).map((grade) => {
    const climbs = insights.set.find((s) => s.grade === grade)?.climbs ?? 0;
    const tries = insights.climbed.find((c) => c.grade === grade)?.tries ?? 0;
    return {
      grade,
      climbs,
      setShare: percent(climbs, setTotal),
      tries,
      climbedShare: percent(tries, triesTotal),
    };
  });
}

export function gradeSharesSummary(rows: readonly GradeShare[]): string {
  if (rows.length === 0) return 'Nothing set or climbed yet.';
  return rows
    .map(
      (r) =>
        `${r.grade}: ${r.setShare}% of the set (${r.climbs} ${r.climbs === 1 ? 'climb' : 'climbs'}), ` +
        `${r.climbedShare}% of the tries (${r.tries})`,
    )
    .join('. ');
}

/** Bars of a small count chart: label, value, and the axis they share. */
export interface CountBars {
  bars: { key: string; label: string; value: number }[];
  axis: CountAxis;
  summary: string;
}

function bars(
  items: { key: string; label: string; value: number }[],
  describe: (b: { label: string; value: number }) => string,
): CountBars {
  return {
    bars: items,
    axis: countAxis(Math.max(0, ...items.map((b) => b.value))),
    summary: items.map(describe).join(', '),
  };
}

/** Climbers per ISO week (each counted once a week however often they came). */
export function climbersPerWeek(insights: InsightsResponse): CountBars {
  return bars(
    insights.activity.weeks.map((w) => ({
      key: w.weekStart,
      label: shortDate(w.weekStart),
      value: w.climbers,
    })),
    (b) => `week of ${b.label}: ${b.value} ${b.value === 1 ? 'climber' : 'climbers'}`,
  );
}
