import { compareGrades, parseGrade, type PyramidRow } from '@sendlog/contract';
import { climbKeyOf } from '@sendlog/contract';
import { inGradeTable, type OrderedTry } from './tries.js';

/** A climb's best result among the tries tallied: flashed > sent > tried only. */
const FLASHED = 2;
const SENT = 1;
const TRIED_ONLY = 0;

interface ClimbBest {
  result: number;
  /** The grade of the earliest try with the best result. */
  grade: string;
  /** That grade stands outside the pyramid (an unlisted climb's grade outside the table). */
  outside: boolean;
}

export interface Highlight {
  try: OrderedTry;
  grade: string;
  rank: number;
}

/**
 * The counts of a set of tries, fed in the total order: totals, each climb's best result (for
 * the pyramid) and the hardest send and flash (strictly harder replaces, so ties keep the
 * earliest).
 */
export class Tally {
  tries = 0;
  attempts = 0;
  sends = 0;
  flashes = 0;
  repeats = 0;
  hardestSend: Highlight | null = null;
  hardestFlash: Highlight | null = null;
  private readonly best = new Map<string, ClimbBest>();

  add(t: OrderedTry, grade: string): void {
    const { route } = t;
    this.tries += 1;
    this.attempts += route.attempts;
    const result = t.isFlash ? FLASHED : route.isSuccess ? SENT : TRIED_ONLY;
    if (route.isSuccess) {
      this.sends += 1;
      if (t.isFlash) this.flashes += 1;
      if (t.isRepeat) this.repeats += 1;
      const rank = inGradeTable(route) ? parseGrade(grade)?.rank : undefined;
      if (rank !== undefined) {
        if (this.hardestSend === null || rank > this.hardestSend.rank) {
          this.hardestSend = { try: t, grade, rank };
        }
        if (t.isFlash && (this.hardestFlash === null || rank > this.hardestFlash.rank)) {
          this.hardestFlash = { try: t, grade, rank };
        }
      }
    }
    const climb = climbKeyOf(route);
    const seen = this.best.get(climb);
    if (seen === undefined || result > seen.result) {
      // An unlisted climb stands in the pyramid only at a grade of the table (`inGradeTable`),
      // judged at the try that decides its row.
      const outside =
        route.climbId === null && (!inGradeTable(route) || parseGrade(grade) === null);
      this.best.set(climb, { result, grade, outside });
    }
  }

  /** Distinct climbs tallied (in the pyramid or not). */
  get climbs(): number {
    return this.best.size;
  }

  /** Distinct climbs per grade by their best result, hardest grade first, unknown grades last. */
  pyramid(): PyramidRow[] {
    const rows = new Map<string, PyramidRow>();
    for (const { result, grade, outside } of this.best.values()) {
      if (outside) continue;
      let row = rows.get(grade);
      if (row === undefined) {
        row = { grade, flashed: 0, sent: 0, triedOnly: 0 };
        rows.set(grade, row);
      }
      if (result === FLASHED) row.flashed += 1;
      else if (result === SENT) row.sent += 1;
      else row.triedOnly += 1;
    }
    return [...rows.values()].sort((a, b) => comparePyramidGrades(a.grade, b.grade));
  }
}

/** Hardest known grade first; grades outside the table after every known one, by text. */
export function comparePyramidGrades(a: string, b: string): number {
  const knownA = parseGrade(a) !== null;
  const knownB = parseGrade(b) !== null;
  if (knownA && knownB) return compareGrades(b, a);
  return compareGrades(a, b);
}
