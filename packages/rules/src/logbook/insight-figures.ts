import {
  GRADES_BY_SYSTEM,
  INSIGHTS_LIMITS,
  gradeIndex,
  type GradeSystem,
  type InsightsClimb,
  type InsightsSetter,
  type InsightsVerdict,
} from '@sendlog/contract';
import { DAY_MS, type LocalClock } from './local-time.js';

/**
 * The small definitions of a gym's insights that the server's SQL and `computeInsights` share
 * word for word: the SQL hands back sums, counts and grade indexes, and these turn them into the
 * figures of the answer, so a mean is rounded by one function on both sides.
 */

/** A mean of stars to two decimals; null when nobody gave any. */
export function meanRating(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

/**
 * The median of grade indexes: the lower middle one when their count is even (SQL's
 * `percentile_disc(0.5)`), so it is always a grade somebody gave.
 */
export function medianIndex(indexes: readonly number[]): number | null {
  if (indexes.length === 0) return null;
  const sorted = [...indexes].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

/** The grade of `system` at `index`; null when there is none. */
export function gradeAt(system: GradeSystem, index: number | null): string | null {
  return index === null ? null : (GRADES_BY_SYSTEM[system][index] ?? null);
}

/**
 * A climb's verdict: with at least `verdictOpinions` opinions whose median differs from the
 * climb's own grade (both read in its wall's system), `harder` when the climbers' median is above.
 */
export function verdictOf(climb: {
  climbId: string;
  grade: string;
  system: GradeSystem;
  median: number | null;
  opinions: number;
}): InsightsVerdict | null {
  const own = gradeIndex(climb.system, climb.grade);
  const community = gradeAt(climb.system, climb.median);
  if (climb.opinions < INSIGHTS_LIMITS.verdictOpinions || own === null || community === null) {
    return null;
  }
  if (climb.median === own) return null;
  return {
    climbId: climb.climbId,
    grade: climb.grade,
    communityGrade: community,
    opinions: climb.opinions,
    direction: climb.median! > own ? 'harder' : 'softer',
  };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of local day `day` (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local hour (0–23) of instant `ms` on `clock`. */
export function localHour(clock: LocalClock, ms: number): number {
  const local = ms + clock.offsetAt(ms);
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000);
}

/**
 * A climb's age: whole local days from the day it was set to the period's last day, never below
 * zero (a climb set after the period is as new as can be); null when its setting day is unknown.
 */
export function ageInDays(clock: LocalClock, setAtMs: number | null, toMs: number): number | null {
  if (setAtMs === null) return null;
  return Math.max(0, clock.localDay(toMs - 1) - clock.localDay(setAtMs));
}

/** What the sessions say of one listed climb, before the shared definitions make figures of it. */
export interface ClimbTallyRow {
  id: string;
  layoutId: string;
  name: string;
  grade: string;
  setter: string | null;
  /** ISO instant. */
  setAt: string | null;
  removalPlannedAt: string | null;
  archived: boolean;
  system: GradeSystem;
  ageDays: number | null;
  climbers: number;
  tries: number;
  attempts: number;
  sends: number;
  flashes: number;
  /** Sum and count of the stars given. */
  ratingSum: number;
  ratingCount: number;
  /** How many opinions are grades of the wall's system, and their median's index. */
  opinions: number;
  median: number | null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The climbs table, the verdicts and the setters' figures from the listed climbs' tallies: by
 * name then id; a setter's rating is the mean over all the stars their climbs got.
 */
export function climbFigures(rows: readonly ClimbTallyRow[]): {
  climbs: InsightsClimb[];
  verdicts: InsightsVerdict[];
  setters: InsightsSetter[];
} {
  const sorted = [...rows].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  const climbs: InsightsClimb[] = [];
  const verdicts: InsightsVerdict[] = [];
  const setters = new Map<
    string,
    { climbs: number; sum: number; count: number; verdicts: number }
  >();
  for (const r of sorted) {
    climbs.push({
      climbId: r.id,
      layoutId: r.layoutId,
      name: r.name,
      grade: r.grade,
      setter: r.setter,
      setAt: r.setAt,
      removalPlannedAt: r.removalPlannedAt,
      ageDays: r.ageDays,
      archived: r.archived,
      climbers: r.climbers,
      tries: r.tries,
      attempts: r.attempts,
      sends: r.sends,
      flashes: r.flashes,
      rating: meanRating(r.ratingSum, r.ratingCount),
      communityGrade: gradeAt(r.system, r.median),
      opinions: r.opinions,
    });
    const verdict = verdictOf({ climbId: r.id, ...r });
    if (verdict !== null) verdicts.push(verdict);
    if (r.setter === null) continue;
    const s = setters.get(r.setter) ?? { climbs: 0, sum: 0, count: 0, verdicts: 0 };
    s.climbs += 1;
    s.sum += r.ratingSum;
    s.count += r.ratingCount;
    if (verdict !== null) s.verdicts += 1;
    setters.set(r.setter, s);
  }
  return {
    climbs,
    verdicts,
    setters: [...setters]
      .sort(([a], [b]) => compareText(a, b))
      .map(([setter, s]) => ({
        setter,
        climbs: s.climbs,
        rating: meanRating(s.sum, s.count),
        verdicts: s.verdicts,
      })),
  };
}
