import { convertGrade, GRADES_BY_SYSTEM } from '@sendlog/contract';
import { comparePyramidGrades } from '../logbook/index.js';
import type { GradeSystem } from '@sendlog/contract';

/** What a grade shows as in the climber's system; a grade outside the table as it was written. */
export function displayGrade(grade: string, system: GradeSystem): string {
  return convertGrade(grade, system) ?? grade;
}

/** The label of a row whose grade is empty (a climb the catalogue on this device does not know). */
export const NO_GRADE = 'No grade';

/**
 * Groups rows counted at grades of either system into rows of the climber's system: each grade
 * goes to the row it is shown as elsewhere in the app (`convertGrade`: a V3 climb is a 6A climb
 * to a Font climber, and 6A and 6A+ are both V3 to a V climber), and rows that land on the same
 * grade add up. Known grades come hardest first; grades outside the table after them, by text.
 * With `fillGaps`, every grade of the system between the easiest and the hardest row is there,
 * empty if need be, so the shape of a pyramid is not squeezed.
 */
export function rowsInSystem<T extends { grade: string }>(
  rows: readonly T[],
  system: GradeSystem,
  empty: (grade: string) => T,
  add: (into: T, from: T) => void,
  fillGaps = false,
): T[] {
  const byGrade = new Map<string, T>();
  for (const row of rows) {
    const grade = displayGrade(row.grade, system);
    let into = byGrade.get(grade);
    if (into === undefined) {
      into = empty(grade);
      byGrade.set(grade, into);
    }
    add(into, row);
  }
  if (fillGaps) {
    const indexes = [...byGrade.keys()]
      .map((g) => GRADES_BY_SYSTEM[system].indexOf(g as never))
      .filter((i) => i >= 0);
    if (indexes.length > 0) {
      for (let i = Math.min(...indexes); i <= Math.max(...indexes); i += 1) {
        const grade = GRADES_BY_SYSTEM[system][i];
        if (grade !== undefined && !byGrade.has(grade)) byGrade.set(grade, empty(grade));
      }
    }
  }
  return [...byGrade.values()].sort((a, b) => comparePyramidGrades(a.grade, b.grade));
}

/** The label of a row's grade. */
export function gradeLabel(grade: string): string {
  return grade.trim() === '' ? NO_GRADE : grade;
}

/**
 * A row label short enough for the chart's label column (six characters: `V10`, `6C+`); a gym's
 * own longer grade is cut with an ellipsis there, and read in full in the chart's text.
 */
export function axisLabel(label: string, max = 6): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}
