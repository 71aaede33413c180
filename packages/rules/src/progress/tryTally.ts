import { parseGrade } from '@sendlog/contract';
import {
  clockFor,
  gradeOfTry,
  isoWeekStart,
  parseInstant,
  type LogbookSession,
  type StatsOptions,
} from '../logbook/index.js';

/** Tries and sends of one grade (each logged route is one try, whatever its attempts). */
export interface GradeTries {
  grade: string;
  tries: number;
  sends: number;
}

/**
 * What `GET /stats` does not answer but two charts need, by the same rules: a session and its
 * tries belong to the period and to the ISO week of its start in `tz`, deleted sessions are left
 * out, and a try counts at `gradeOfTry` (the route's grade, or the climber's own when asked).
 */
export interface TryTally {
  /** Per week of `stats.weeks` (same order and length): the hardest known grade sent, or null. */
  hardestByWeek: (string | null)[];
  /** Per grade as counted (canonical when known), in no particular order. */
  byGrade: GradeTries[];
}

export function tallyTries(sessions: readonly LogbookSession[], options: StatsOptions): TryTally {
  const fromMs = parseInstant(options.from);
  const toMs = parseInstant(options.to);
  const clock = clockFor(options.tz);
  const firstWeek = isoWeekStart(clock.localDay(fromMs));
  const weekCount =
    toMs > fromMs ? (isoWeekStart(clock.localDay(toMs - 1)) - firstWeek) / 7 + 1 : 0;
  const hardestRank: number[] = new Array<number>(weekCount).fill(-1);
  const hardestByWeek: (string | null)[] = new Array<string | null>(weekCount).fill(null);
  const byGrade = new Map<string, GradeTries>();

  for (const session of sessions) {
    if (session.deleted === true) continue;
    const startMs = parseInstant(session.startTime);
    if (!(startMs >= fromMs && startMs < toMs)) continue;
    const week = (isoWeekStart(clock.localDay(startMs)) - firstWeek) / 7;
    for (const route of session.routes) {
      const grade = gradeOfTry(route, options.grades);
      let row = byGrade.get(grade);
      if (row === undefined) {
        row = { grade, tries: 0, sends: 0 };
        byGrade.set(grade, row);
      }
      row.tries += 1;
      if (!route.isSuccess) continue;
      row.sends += 1;
      const rank = parseGrade(grade)?.rank;
      if (rank !== undefined && rank > (hardestRank[week] ?? Number.POSITIVE_INFINITY)) {
        hardestRank[week] = rank;
        hardestByWeek[week] = grade;
      }
    }
  }
  return { hardestByWeek, byGrade: [...byGrade.values()] };
}
