import { LOGBOOK_LIMITS, statsPeriodIssues, type StatsQuery } from '@sendlog/contract';
import { clockFor, isoWeekStart } from './local-time.js';

export type ResolvedStatsPeriod =
  | { ok: true; from: string; to: string }
  | { ok: false; issues: { path: (string | number)[]; message: string }[] };

/**
 * Fills the defaults of a `GET /stats` period and checks it (the schema alone cannot: the
 * defaults need the clock). `to` defaults to now; `from` to Monday 00:00 in `tz` of the week
 * `defaultWeeks - 1` weeks (the logbook's `defaultStatsWeeks` unless told) before the week holding the period's last instant, so the
 * default period shows exactly 12 ISO weeks, the current one included. Issues are at `from`.
 */
export function resolveStatsPeriod(
  query: Pick<StatsQuery, 'from' | 'to' | 'tz'>,
  nowMs: number,
  defaultWeeks: number = LOGBOOK_LIMITS.defaultStatsWeeks,
): ResolvedStatsPeriod {
  const toMs = query.to === undefined ? nowMs : Date.parse(query.to);
  let fromMs: number;
  if (query.from === undefined) {
    const clock = clockFor(query.tz);
    const lastWeek = isoWeekStart(clock.localDay(toMs - 1));
    fromMs = clock.startOfDay(lastWeek - 7 * (defaultWeeks - 1));
  } else {
    fromMs = Date.parse(query.from);
  }
  const issues = statsPeriodIssues(fromMs, toMs);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}
