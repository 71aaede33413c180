import type { StatsGradeSource, StatsHighlight, StatsResponse, StatsWeek } from '@sendlog/contract';
import { parseInstant } from './instant.js';
import { clockFor, dayToDate, isoWeekStart } from './local-time.js';
import { Tally, type Highlight } from './tally.js';
import { gradeOfTry, orderTries } from './tries.js';
import type { LogbookSession } from './types.js';

export interface StatsOptions {
  /** Inclusive start of the period (ISO-8601 instant). */
  from: string;
  /** Exclusive end of the period. */
  to: string;
  /** IANA time zone of the climber's days and weeks. */
  tz: string;
  grades: StatsGradeSource;
}

/**
 * The `GET /stats` answer over a climber's whole history (sessions outside the period are needed
 * to tell flashes and repeats). See `./index.ts` for the rules.
 */
export function computeStats(
  sessions: readonly LogbookSession[],
  options: StatsOptions,
): StatsResponse {
  const fromMs = parseInstant(options.from);
  const toMs = parseInstant(options.to);
  const clock = clockFor(options.tz);
  const inPeriod = (ms: number) => ms >= fromMs && ms < toMs;

  const firstWeek = isoWeekStart(clock.localDay(fromMs));
  const weekCount =
    toMs > fromMs ? (isoWeekStart(clock.localDay(toMs - 1)) - firstWeek) / 7 + 1 : 0;
  const weeks: StatsWeek[] = Array.from({ length: weekCount }, (_, i) => ({
    weekStart: dayToDate(firstWeek + 7 * i),
    sessions: 0,
    attempts: 0,
    sends: 0,
  }));

  let sessionCount = 0;
  const days = new Set<number>();
  const weekOf = new Map<LogbookSession, StatsWeek>();
  for (const session of sessions) {
    if (session.deleted === true) continue;
    const startMs = parseInstant(session.startTime);
    if (!inPeriod(startMs)) continue;
    sessionCount += 1;
    const day = clock.localDay(startMs);
    days.add(day);
    const week = weeks[(isoWeekStart(day) - firstWeek) / 7];
    if (week !== undefined) {
      week.sessions += 1;
      weekOf.set(session, week);
    }
  }

  const tally = new Tally();
  for (const t of orderTries(sessions)) {
    if (!inPeriod(t.sessionStartMs)) continue;
    tally.add(t, gradeOfTry(t.route, options.grades));
    const week = weekOf.get(t.session);
    if (week !== undefined) {
      week.attempts += t.route.attempts;
      if (t.route.isSuccess) week.sends += 1;
    }
  }

  const highlight = (h: Highlight | null): StatsHighlight | null =>
    h === null
      ? null
      : {
          grade: h.grade,
          climbId: h.try.route.climbId,
          climbName: h.try.route.climbName,
          date: dayToDate(clock.localDay(h.try.atMs)),
        };

  return {
    period: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
    sessions: sessionCount,
    climbingDays: days.size,
    tries: tally.tries,
    attempts: tally.attempts,
    sends: tally.sends,
    flashes: tally.flashes,
    repeats: tally.repeats,
    hardestSend: highlight(tally.hardestSend),
    hardestFlash: highlight(tally.hardestFlash),
    pyramid: tally.pyramid(),
    weeks,
  };
}
