import {
  compareGrades,
  gradeIndex,
  normalizeGrade,
  type GradeSystem,
  type InsightsClimbedRow,
  type InsightsResponse,
  type InsightsWeek,
} from '@sendlog/contract';
import {
  ageInDays,
  climbFigures,
  isoWeekday,
  localHour,
  medianIndex,
  type ClimbTallyRow,
} from './insight-figures.js';
import { parseInstant } from './instant.js';
import { clockFor, dayToDate, isoWeekStart } from './local-time.js';
import { gradeOfTry, orderTries, type OrderedTry } from './tries.js';
import type { LogbookSession } from './types.js';

/** A session as the gym's insights read it: whose it was and at which wall. */
export interface InsightsSession extends LogbookSession {
  userId: string;
  layoutId: string | null;
}

/** One of the gym's climbs, with what the catalogue says of it and of its wall. */
export interface InsightsCatalogueClimb {
  id: string;
  layoutId: string;
  name: string;
  grade: string;
  setter: string | null;
  setAt: string | null;
  removalPlannedAt: string | null;
  archived: boolean;
  /** Whether its wall is archived: a climb is up only while both are not. */
  layoutArchived: boolean;
  /** Its wall's grade system, in which opinions are read. */
  system: GradeSystem;
}

export interface InsightsInput {
  gymId: string;
  timeZone: string;
  /** Inclusive and exclusive ends of the period (ISO instants, already resolved). */
  from: string;
  to: string;
  /** Every wall of the gym. */
  layoutIds: readonly string[];
  /** Every climb of the gym, archived ones too. */
  climbs: readonly InsightsCatalogueClimb[];
  /** Sessions of every climber, anywhere: a flash needs the climber's whole history. */
  sessions: readonly InsightsSession[];
}

interface ClimbTally {
  climbers: Set<string>;
  tries: number;
  attempts: number;
  sends: number;
  flashes: number;
  /** Every star rating given, and every opinion that is a grade of the wall's system (its index). */
  ratings: number[];
  opinions: number[];
}

/**
 * `GET /gyms/:id/insights` computed plainly from every session: the oracle of the server's SQL.
 * The rules are the logbook's (see `./index.ts`) and those written in docs/api.md:
 * - counted: sessions not deleted, at one of the gym's walls, starting in `[from, to)`; their
 *   tries at the gym's climbs (archived ones included: they count for the time they were up);
 * - a flash is such a try that is a one-go send and the climber's first try of the climb ever;
 * - `rating` is the mean of every star rating given in the period; opinions are every
 *   `gradeOpinion` given that is a grade of the climb's wall's system (free text and the other
 *   system's grades are no opinion of it);
 * - the climbs listed: those up now and those tried in the period, by name then id.
 */
export function computeInsights(input: InsightsInput): InsightsResponse {
  const fromMs = parseInstant(input.from);
  const toMs = parseInstant(input.to);
  const clock = clockFor(input.timeZone);
  const walls = new Set(input.layoutIds);
  const climbsById = new Map(input.climbs.map((c) => [c.id, c]));

  const counted = (s: InsightsSession) => {
    const start = parseInstant(s.startTime);
    return (
      s.deleted !== true &&
      s.layoutId !== null &&
      walls.has(s.layoutId) &&
      start >= fromMs &&
      start < toMs
    );
  };

  // Activity: every counted session, empty ones too.
  const firstWeek = isoWeekStart(clock.localDay(fromMs));
  const weekCount = (isoWeekStart(clock.localDay(toMs - 1)) - firstWeek) / 7 + 1;
  const weeks = Array.from({ length: weekCount }, () => ({ sessions: 0, climbers: new Set() }));
  const byWeekday = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, sessions: 0 }));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, sessions: 0 }));
  // Cells keyed weekday * 24 + hour, so their order is the answer's (weekday, then hour).
  const cells = new Map<number, number>();
  for (const s of input.sessions) {
    if (!counted(s)) continue;
    const startMs = parseInstant(s.startTime);
    const day = clock.localDay(startMs);
    const week = weeks[(isoWeekStart(day) - firstWeek) / 7]!;
    week.sessions += 1;
    week.climbers.add(s.userId);
    byWeekday[isoWeekday(day) - 1]!.sessions += 1;
    const hour = localHour(clock, startMs);
    byHour[hour]!.sessions += 1;
    const cell = isoWeekday(day) * 24 + hour;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }

  // Tries, each climber's in their own order (flashes are about their own first tries).
  const byUser = new Map<string, InsightsSession[]>();
  for (const s of input.sessions) {
    const list = byUser.get(s.userId) ?? [];
    list.push(s);
    byUser.set(s.userId, list);
  }
  const tallies = new Map<string, ClimbTally>();
  const climbed = new Map<string, InsightsClimbedRow & { who: Set<string> }>();
  for (const [userId, sessions] of byUser) {
    for (const t of orderTries(sessions)) {
      const session = t.session as InsightsSession;
      // A climb not on the gym's walls (unlisted) is none of the gym's business.
      const climb = t.route.climbId === null ? undefined : climbsById.get(t.route.climbId);
      if (climb === undefined || !counted(session)) continue;
      addTry(tallies, climb, userId, t);
      const grade = gradeOfTry(t.route, 'route');
      const row = climbed.get(grade) ?? {
        grade,
        climbers: 0,
        tries: 0,
        attempts: 0,
        sends: 0,
        who: new Set<string>(),
      };
      row.who.add(userId);
      row.tries += 1;
      row.attempts += t.route.attempts;
      if (t.route.isSuccess) row.sends += 1;
      climbed.set(grade, row);
    }
  }

  const setCounts = new Map<string, number>();
  for (const c of input.climbs) {
    if (c.archived || c.layoutArchived) continue;
    const grade = normalizeGrade(c.grade) ?? c.grade;
    setCounts.set(grade, (setCounts.get(grade) ?? 0) + 1);
  }

  const rows: ClimbTallyRow[] = input.climbs
    .filter((c) => (!c.archived && !c.layoutArchived) || tallies.has(c.id))
    .map((c) => {
      const t = tallies.get(c.id);
      const ratings = t?.ratings ?? [];
      const opinions = t?.opinions ?? [];
      const setAtMs = c.setAt === null ? null : parseInstant(c.setAt);
      return {
        ...c,
        setAt: setAtMs === null ? null : new Date(setAtMs).toISOString(),
        ageDays: ageInDays(clock, setAtMs, toMs),
        climbers: t?.climbers.size ?? 0,
        tries: t?.tries ?? 0,
        attempts: t?.attempts ?? 0,
        sends: t?.sends ?? 0,
        flashes: t?.flashes ?? 0,
        ratingSum: ratings.reduce((a, b) => a + b, 0),
        ratingCount: ratings.length,
        opinions: opinions.length,
        median: medianIndex(opinions),
      };
    });
  const { climbs, verdicts, setters } = climbFigures(rows);

  const byGrade = <T extends { grade: string }>(rows: T[]) =>
    rows.sort((a, b) => compareGrades(a.grade, b.grade));
  return {
    gymId: input.gymId,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    timeZone: input.timeZone,
    set: byGrade([...setCounts].map(([grade, n]) => ({ grade, climbs: n }))),
    climbed: byGrade(
      [...climbed.values()].map(({ who, ...row }) => ({ ...row, climbers: who.size })),
    ),
    climbs,
    verdicts,
    activity: {
      weeks: weeks.map((w, i): InsightsWeek => ({
        weekStart: dayToDate(firstWeek + 7 * i),
        sessions: w.sessions,
        climbers: w.climbers.size,
      })),
      byWeekday,
      byHour,
      byWeekdayHour: [...cells]
        .sort(([a], [b]) => a - b)
        .map(([cell, sessions]) => ({
          weekday: Math.floor(cell / 24),
          hour: cell % 24,
          sessions,
        })),
    },
    setters,
  };
}

/** One counted try into its climb's tally. */
function addTry(
  tallies: Map<string, ClimbTally>,
  climb: InsightsCatalogueClimb,
  userId: string,
  t: OrderedTry,
): void {
  let tally = tallies.get(climb.id);
  if (tally === undefined) {
    tally = {
      climbers: new Set(),
      tries: 0,
      attempts: 0,
      sends: 0,
      flashes: 0,
      ratings: [],
      opinions: [],
    };
    tallies.set(climb.id, tally);
  }
  tally.climbers.add(userId);
  tally.tries += 1;
  tally.attempts += t.route.attempts;
  if (t.route.isSuccess) tally.sends += 1;
  if (t.isFlash) tally.flashes += 1;
  if (t.route.rating != null) tally.ratings.push(t.route.rating);
  const opinion =
    t.route.gradeOpinion == null ? null : gradeIndex(climb.system, t.route.gradeOpinion);
  if (opinion !== null) tally.opinions.push(opinion);
}
