import { GRADE_SYSTEMS, GRADE_TABLE, GRADES_BY_SYSTEM, type GradeSystem } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';

// The grade order of @sendlog/contract handed to SQL, so the database orders grades exactly as
// `gradeIndex` and `compareGrades` do; nothing of it is copied into the schema. The lists are
// constants in the statement's text, not parameters: a lookup per row is a function call, not a
// join the planner must weigh, and a statement that carries one still runs as plain text (the
// community rebuild).

/** One system's own list (easiest = 0, as `gradeIndex`), or the common scale of both (`rank`). */
export type GradeScale = GradeSystem | 'rank';

/** Grades are the contract's own constants (`V4`, `6A+`): nothing in them needs quoting. */
function textArray(values: readonly string[]): SQL {
  return sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);
}

const SYSTEM_GRADES = Object.fromEntries(
  GRADE_SYSTEMS.map((system) => [system, textArray(GRADES_BY_SYSTEM[system])]),
) as Record<GradeSystem, SQL>;
const ENTRIES = [...GRADE_TABLE.values()];
const ALL_GRADES = textArray(ENTRIES.map((e) => e.grade));
const RANKS = sql.raw(`array[${ENTRIES.map((e) => e.rank).join(', ')}]::int[]`);

/**
 * The place of `key` (a canonical spelling: see `gradeKey`) on `scale`, null when it is not a
 * grade of that scale. The one spelling of the grade order in SQL.
 */
export function gradeOrder(scale: GradeScale, key: SQL): SQL {
  if (scale === 'rank') return sql`(${RANKS})[array_position(${ALL_GRADES}, ${key})]`;
  return sql`(array_position(${SYSTEM_GRADES[scale]}, ${key}) - 1)`;
}

/**
 * Every character JavaScript's `String.prototype.trim` removes (checked by the test beside this
 * file), so `btrim` trims what `parseGrade` trims: PostgreSQL's own `btrim` takes spaces only.
 */
export const JS_TRIMMED =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * The lookup key `parseGrade` reads a text by: trimmed and upper-cased. Only `a`, `b`, `c` and `v`
 * can upper-case into a letter of a grade (`VB`, `V4`, `6A+`), so translating those four is the
 * same as `toUpperCase` for matching, and unlike `upper` it does not depend on the locale.
 */
export function gradeKey(text: SQL): SQL {
  return sql`translate(btrim(${text}, ${JS_TRIMMED}::text), 'abcv', 'ABCV')`;
}
