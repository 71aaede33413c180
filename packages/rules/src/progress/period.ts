import type { StatsGradeSource } from '@sendlog/contract';
import { clockFor, isoWeekStart, parseInstant, type LogbookSession } from '../logbook/index.js';
import type { StatsOptions } from '../logbook/index.js';

/** The periods the Progress tab offers: whole ISO weeks ending with the current one, or all. */
export type ProgressPeriod = 'weeks4' | 'weeks12' | 'year' | 'all';

export const PROGRESS_PERIODS: readonly { id: ProgressPeriod; label: string; name: string }[] = [
  { id: 'weeks4', label: '4 weeks', name: 'the last 4 weeks' },
  { id: 'weeks12', label: '12 weeks', name: 'the last 12 weeks' },
  { id: 'year', label: 'Year', name: 'the last year' },
  { id: 'all', label: 'All', name: 'all your sessions' },
];

const WEEKS: Record<Exclude<ProgressPeriod, 'all'>, number> = { weeks4: 4, weeks12: 12, year: 52 };

/**
 * The local day (days since 1970-01-01 in `tz`) of the Monday of the week holding `nowMs`: the
 * one input from the clock, so a screen redrawn every minute keeps the same period all week.
 */
export function currentWeekStart(nowMs: number, tz: string): number {
  return isoWeekStart(clockFor(tz).localDay(nowMs));
}

/**
 * The `computeStats` options of a period: from Monday 00:00 (in `tz`) of its first week to Monday
 * 00:00 after the current week, so a session started a minute ago (or on a phone whose clock runs
 * a little ahead) is in it. "All" starts at the week of the earliest session and ends after the
 * latest one, so nothing logged is ever left out.
 */
export function progressStatsOptions(
  period: ProgressPeriod,
  context: {
    thisWeek: number;
    tz: string;
    grades: StatsGradeSource;
    sessions: readonly LogbookSession[];
  },
): StatsOptions {
  const clock = clockFor(context.tz);
  let firstWeek = context.thisWeek;
  let endWeek = context.thisWeek + 7;
  if (period === 'all') {
    for (const session of context.sessions) {
      if (session.deleted === true) continue;
      const week = isoWeekStart(clock.localDay(parseInstant(session.startTime)));
      if (week < firstWeek) firstWeek = week;
      if (week + 7 > endWeek) endWeek = week + 7;
    }
  } else {
    firstWeek = context.thisWeek - 7 * (WEEKS[period] - 1);
  }
  return {
    from: new Date(clock.startOfDay(firstWeek)).toISOString(),
    to: new Date(clock.startOfDay(endWeek)).toISOString(),
    tz: context.tz,
    grades: context.grades,
  };
}
