import { useMemo, useState } from 'react';
import type { GradeSystem, StatsGradeSource } from '@sendlog/contract';
import type { LogbookSession } from '@sendlog/rules';
import {
  computeProgress,
  currentWeekStart,
  progressCharts,
  progressStatsOptions,
  sameForProgress,
  type ProgressCharts,
  type ProgressPeriod,
} from '@sendlog/rules/progress';
import { useLogbookSessions } from '../../hooks/logbookSessions';
import { useNow } from '../../hooks/useNow';
import type { LocalSession } from '../../sync/types';

/** The device's zone, asked once: weeks and days are the climber's own. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface Progress {
  charts: ProgressCharts;
  /**
   * Whether this device holds any session (at the chosen gym) at all: an empty period then says
   * "choose another".
   */
  hasHistory: boolean;
}

/**
 * The Progress tab's numbers from the sessions on this device. Each step is memoized on exactly
 * what it reads: the whole-history computation runs again only when a session (saved), the
 * period, the grade source or the zone changes; redrawing for a new width or grade system only
 * redoes the cheap geometry. A keystroke in a form elsewhere that has not been saved, or the
 * minute tick below, recomputes nothing.
 */
export function useProgress(
  period: ProgressPeriod,
  grades: StatsGradeSource,
  system: GradeSystem,
  width: number,
  /** Keeps the sessions of the gym chosen (`useGymFilter`), all of them when absent. */
  filter?: (sessions: readonly LocalSession[]) => readonly LocalSession[],
): Progress {
  const sessions = useKeptWhileSame(useLogbookSessions(filter));
  const tz = useMemo(() => deviceTimeZone(), []);
  // A new week (the app left open over Sunday night) moves the period; a new minute does not.
  const thisWeek = currentWeekStart(useNow(60_000), tz);
  const options = useMemo(
    () => progressStatsOptions(period, { thisWeek, tz, grades, sessions }),
    [period, thisWeek, tz, grades, sessions],
  );
  const numbers = useMemo(() => computeProgress(sessions, options), [sessions, options]);
  const charts = useMemo(() => progressCharts(numbers, system, width), [numbers, system, width]);
  return { charts, hasHistory: sessions.length > 0 };
}

/**
 * The sessions as last computed from, kept while a new list is the same for every chart (session
 * notes are saved as typed, and each keystroke brings a new list): only a real change moves on.
 */
function useKeptWhileSame(sessions: readonly LogbookSession[]): readonly LogbookSession[] {
  const [kept, setKept] = useState(sessions);
  if (kept !== sessions && !sameForProgress(kept, sessions)) {
    // React's "information from previous renders": it renders again at once with the new list.
    setKept(sessions);
    return sessions;
  }
  return kept;
}
