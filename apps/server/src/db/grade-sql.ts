import { GRADE_TABLE } from '@sendlog/contract';
import { sql, type SQL } from 'drizzle-orm';
import { arrayParam } from '../db/sql.js';

// The grade table of @sendlog/contract handed to SQL, so the database reads and orders grades
// exactly as `parseGrade` and `compareGrades` do; nothing of it is copied into the schema.

const ENTRIES = [...GRADE_TABLE.values()];

/** `(grade, rank)` rows of every known grade, as two array parameters. */
export function gradeTableRows(): SQL {
  return sql`select * from unnest(${arrayParam(
    ENTRIES.map((e) => e.grade),
    'text',
  )}, ${arrayParam(
    ENTRIES.map((e) => e.rank),
    'int',
  )}) as g(grade, rank)`;
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
