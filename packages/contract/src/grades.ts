import { z } from 'zod';

/**
 * The one grade table of Sendlog. The server sorts climbs with it, the app sorts its filters and
 * draws its charts with it, so both agree on what "harder" means.
 *
 * Every known grade has a `rank` on one common difficulty scale shared by both systems, in
 * half-steps of the Font scale: a Font grade sits at twice its place in the Font list, a V grade
 * at the sum of the places of the lowest and highest Font grade it stands for (V3 ≈ 6A/6A+ sits
 * between 6A and 6A+). Ranks are small integers, so the server can hold the same table in SQL.
 */

export const GRADE_SYSTEMS = ['V', 'Font'] as const;
export const gradeSystemSchema = z.enum(GRADE_SYSTEMS, { error: "must be 'V' or 'Font'" });
export type GradeSystem = z.infer<typeof gradeSystemSchema>;

export const V_GRADES = [
  'VB',
  'V0',
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
  'V7',
  'V8',
  'V9',
  'V10',
  'V11',
  'V12',
  'V13',
  'V14',
  'V15',
  'V16',
  'V17',
] as const;

export const FONT_GRADES = [
  '3',
  '4',
  '4+',
  '5',
  '5+',
  '6A',
  '6A+',
  '6B',
  '6B+',
  '6C',
  '6C+',
  '7A',
  '7A+',
  '7B',
  '7B+',
  '7C',
  '7C+',
  '8A',
  '8A+',
  '8B',
  '8B+',
  '8C',
  '8C+',
  '9A',
] as const;

export type VGrade = (typeof V_GRADES)[number];
export type FontGrade = (typeof FONT_GRADES)[number];
export type Grade = VGrade | FontGrade;

export const GRADES_BY_SYSTEM: { readonly [S in GradeSystem]: readonly Grade[] } = {
  V: V_GRADES,
  Font: FONT_GRADES,
};

/**
 * The standard bouldering chart: each V grade and the lowest and highest Font grade it stands
 * for. Every Font grade is covered by exactly one V grade (4+ counts as V0).
 */
const V_TO_FONT: { readonly [G in VGrade]: readonly [FontGrade, FontGrade] } = {
  VB: ['3', '3'],
  V0: ['4', '4+'],
  V1: ['5', '5'],
  V2: ['5+', '5+'],
  V3: ['6A', '6A+'],
  V4: ['6B', '6B+'],
  V5: ['6C', '6C+'],
  V6: ['7A', '7A'],
  V7: ['7A+', '7A+'],
  V8: ['7B', '7B+'],
  V9: ['7C', '7C'],
  V10: ['7C+', '7C+'],
  V11: ['8A', '8A'],
  V12: ['8A+', '8A+'],
  V13: ['8B', '8B'],
  V14: ['8B+', '8B+'],
  V15: ['8C', '8C'],
  V16: ['8C+', '8C+'],
  V17: ['9A', '9A'],
};

export interface GradeInfo {
  /** Canonical spelling: `V4`, `6A+`. */
  grade: Grade;
  system: GradeSystem;
  /** Place in its own system's list, easiest = 0. */
  index: number;
  /** Place on the common scale of both systems (see the top of this file). */
  rank: number;
}

function buildTable(): ReadonlyMap<string, GradeInfo> {
  const table = new Map<string, GradeInfo>();
  FONT_GRADES.forEach((grade, index) =>
    table.set(grade, { grade, system: 'Font', index, rank: 2 * index }),
  );
  V_GRADES.forEach((grade, index) => {
    const [low, high] = V_TO_FONT[grade];
    const rank = FONT_GRADES.indexOf(low) + FONT_GRADES.indexOf(high);
    table.set(grade, { grade, system: 'V', index, rank });
  });
  return table;
}

/** Canonical grade → its entry. Keys are the canonical (upper-case) spellings. */
export const GRADE_TABLE: ReadonlyMap<string, GradeInfo> = buildTable();

/**
 * Reads a grade as a climber types it: surrounding blanks and letter case are ignored (`v4`,
 * ` 6a+ `). Anything else (`soft V5`, `5.12a`, `6a/+`) is not a grade: `null`, never a throw.
 */
export function parseGrade(text: string | null | undefined): GradeInfo | null {
  if (typeof text !== 'string') return null;
  // The canonical spelling first: it is what the catalogue stores, and costs no new string.
  return GRADE_TABLE.get(text) ?? GRADE_TABLE.get(text.trim().toUpperCase()) ?? null;
}

/** The canonical spelling of a known grade, `null` for anything else. */
export function normalizeGrade(text: string | null | undefined): Grade | null {
  return parseGrade(text)?.grade ?? null;
}

/** Place of `grade` within `system` (easiest = 0), `null` when it is not a grade of `system`. */
export function gradeIndex(system: GradeSystem, grade: string): number | null {
  const info = parseGrade(grade);
  return info !== null && info.system === system ? info.index : null;
}

/** Whether `grade` (in any letter case) is a grade of `system`. */
export function isGradeOf(system: GradeSystem, grade: string): boolean {
  return gradeIndex(system, grade) !== null;
}

/**
 * A total order on any two strings, for sorting climbs and filters alike: known grades by rank
 * (easiest first), a V grade and the Font grade of the same rank by text (`7A` before `V6`),
 * then unknown strings after every known grade, by text. Text comparisons are by UTF-16 code
 * units, like SQL's `COLLATE "C"`, never by locale.
 */
export function compareGrades(a: string, b: string): number {
  const ia = parseGrade(a);
  const ib = parseGrade(b);
  if (ia !== null && ib !== null && ia.rank !== ib.rank) return ia.rank - ib.rank;
  if (ia !== null && ib === null) return -1;
  if (ia === null && ib !== null) return 1;
  if (ia !== null && ib !== null && ia.grade !== ib.grade) return compareText(ia.grade, ib.grade);
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The grade to show for `grade` in `toSystem`, by the chart above; `null` for an unknown grade.
 * A V grade that stands for a range of Font grades shows as the LOWEST of them (V3 → 6A, V8 →
 * 7B), the usual reading of the chart; a Font grade shows as the V grade whose range holds it
 * (6A+ → V3, 4+ → V0). Both directions are monotonic; V → Font → V gives the V grade back.
 */
export function convertGrade(grade: string, toSystem: GradeSystem): Grade | null {
  const info = parseGrade(grade);
  if (info === null) return null;
  if (info.system === toSystem) return info.grade;
  if (info.system === 'V') return V_TO_FONT[info.grade as VGrade][0];
  const v = V_GRADES.find((g) => {
    const [low, high] = V_TO_FONT[g];
    return FONT_GRADES.indexOf(low) <= info.index && info.index <= FONT_GRADES.indexOf(high);
  });
  // Unreachable while the chart covers every Font grade; the test pins that.
  return v ?? null;
}

/** The allowed grades of a system, short enough for one error message. */
export function describeGrades(system: GradeSystem): string {
  return system === 'V'
    ? 'VB, V0 … V17'
    : '3, 4, 4+, 5, 5+, 6A … 8C+ (each of A, A+, B, B+, C, C+), 9A';
}

/** The message of a grade that does not belong to `system`. */
export function gradeOfMessage(system: GradeSystem): string {
  return `must be a ${system} grade: ${describeGrades(system)}`;
}

/**
 * For a `superRefine` whose system is known only at run time (a climb's grade must belong to its
 * layout's system): adds one issue at `path` when `grade` is not a grade of `system`.
 */
export function refineGradeOf(
  ctx: z.RefinementCtx,
  system: GradeSystem,
  grade: string,
  path: PropertyKey[],
): void {
  if (!isGradeOf(system, grade)) {
    ctx.addIssue({ code: 'custom', path, message: gradeOfMessage(system) });
  }
}

/** A grade of `system`, accepted in any letter case and given back in its canonical spelling. */
export function gradeOfSchema(system: GradeSystem) {
  return z
    .string({ error: 'must be a string' })
    .refine((g) => isGradeOf(system, g), { error: gradeOfMessage(system) })
    .transform((g) => normalizeGrade(g) ?? g);
}
