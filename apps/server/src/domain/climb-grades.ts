import {
  gradeOfMessage,
  isGradeOf,
  normalizeGrade,
  type ErrorDetail,
  type GradeSystem,
} from '@sendlog/contract';

/**
 * A climb's grade must belong to its layout's system, which only the stored layout knows: the
 * request schema checks the shape, this checks the system. One detail per grade that does not
 * belong, at `<prefix>grade`.
 */
export function climbGradeDetails(
  system: GradeSystem,
  climbs: readonly { path: string; grade: string }[],
): ErrorDetail[] {
  return climbs
    .filter((c) => !isGradeOf(system, c.grade))
    .map((c) => ({ path: c.path, message: gradeOfMessage(system) }));
}

/** The catalogue stores grades in their canonical spelling (`v4` → `V4`, `6a+` → `6A+`). */
export function canonicalGrade(grade: string): string {
  return normalizeGrade(grade) ?? grade;
}
