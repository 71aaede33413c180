import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FONT_GRADES,
  GRADE_SYSTEMS,
  GRADES_BY_SYSTEM,
  V_GRADES,
  compareGrades,
  convertGrade,
  gradeIndex,
  gradeOfSchema,
  gradeSystemSchema,
  isGradeOf,
  issuesToDetails,
  normalizeGrade,
  parseGrade,
  refineGradeOf,
} from './index.js';

const ALL = [...V_GRADES, ...FONT_GRADES];

describe('grade table', () => {
  it('knows the two systems', () => {
    expect(gradeSystemSchema.parse('V')).toBe('V');
    expect(gradeSystemSchema.parse('Font')).toBe('Font');
    expect(gradeSystemSchema.safeParse('YDS').success).toBe(false);
    expect(V_GRADES).toHaveLength(19);
    expect(FONT_GRADES).toHaveLength(24);
  });

  it('round-trips every grade through parsing, in any letter case', () => {
    for (const system of GRADE_SYSTEMS) {
      GRADES_BY_SYSTEM[system].forEach((grade, i) => {
        expect(normalizeGrade(grade)).toBe(grade);
        expect(normalizeGrade(grade.toLowerCase())).toBe(grade);
        expect(normalizeGrade(` ${grade.toLowerCase()}\t`)).toBe(grade);
        expect(gradeIndex(system, grade)).toBe(i);
        expect(isGradeOf(system, grade)).toBe(true);
        expect(convertGrade(grade, system)).toBe(grade);
      });
    }
    expect(normalizeGrade('v4')).toBe('V4');
    expect(normalizeGrade('6a+')).toBe('6A+');
    expect(normalizeGrade('vb')).toBe('VB');
  });

  it('keeps the systems apart', () => {
    expect(isGradeOf('V', '6A')).toBe(false);
    expect(isGradeOf('Font', 'V4')).toBe(false);
    expect(gradeIndex('Font', 'V4')).toBeNull();
    expect(gradeIndex('V', 'V18')).toBeNull();
  });

  it('orders each system strictly by rank, and the common scale agrees with the chart', () => {
    for (const system of GRADE_SYSTEMS) {
      const ranks = GRADES_BY_SYSTEM[system].map((g) => parseGrade(g)?.rank ?? NaN);
      for (let i = 1; i < ranks.length; i += 1) expect(ranks[i]).toBeGreaterThan(ranks[i - 1]!);
      const grades = GRADES_BY_SYSTEM[system];
      for (let i = 1; i < grades.length; i += 1) {
        expect(compareGrades(grades[i - 1]!, grades[i]!)).toBeLessThan(0);
        expect(compareGrades(grades[i]!, grades[i - 1]!)).toBeGreaterThan(0);
      }
    }
    // A V grade lies within the Font grades it stands for.
    expect(compareGrades('6A', 'V3')).toBeLessThan(0);
    expect(compareGrades('V3', '6A+')).toBeLessThan(0);
    expect(compareGrades('V2', '6A')).toBeLessThan(0);
    expect(compareGrades('6C+', 'V6')).toBeLessThan(0);
    // Same rank: by text, so the order is still total.
    expect(compareGrades('7A', 'V6')).toBeLessThan(0);
    expect(compareGrades('V6', '7A')).toBeGreaterThan(0);
  });

  it('sorts the grades the way the server and the app should', () => {
    const mixed = ['V10', 'soft V5', '6A+', 'V2', '', '?', 'v3', 'V3', '8A', 'V9', '7C'];
    expect([...mixed].sort(compareGrades)).toEqual([
      'V2',
      'V3',
      'v3',
      '6A+',
      '7C',
      'V9',
      'V10',
      '8A',
      '',
      '?',
      'soft V5',
    ]);
    // Non-V grades sort by difficulty, not by text.
    expect([...FONT_GRADES].reverse().sort(compareGrades)).toEqual([...FONT_GRADES]);
    expect(['V10', 'V2', 'V1', 'VB', 'V0'].sort(compareGrades)).toEqual([
      'VB',
      'V0',
      'V1',
      'V2',
      'V10',
    ]);
  });

  it('is a total order on any strings, unknown ones after known ones', () => {
    const gradeish = fc.oneof(
      fc.constantFrom(...ALL),
      fc.constantFrom(...ALL).map((g) => g.toLowerCase()),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('soft V5', 'V5/6', '6a/+', 'V', '+', 'hard'),
    );
    fc.assert(
      fc.property(gradeish, gradeish, gradeish, (a, b, c) => {
        expect(Math.sign(compareGrades(a, b))).toBe(-Math.sign(compareGrades(b, a)) || 0);
        expect(compareGrades(a, a)).toBe(0);
        if (compareGrades(a, b) === 0) expect(a).toBe(b);
        if (compareGrades(a, b) <= 0 && compareGrades(b, c) <= 0) {
          expect(compareGrades(a, c)).toBeLessThanOrEqual(0);
        }
        if (parseGrade(a) !== null && parseGrade(b) === null) {
          expect(compareGrades(a, b)).toBeLessThan(0);
        }
      }),
    );
  });

  it('converts by the standard chart, a range to its lowest grade', () => {
    const vToFont = Object.fromEntries(V_GRADES.map((g) => [g, convertGrade(g, 'Font')]));
    expect(vToFont).toEqual({
      VB: '3',
      V0: '4',
      V1: '5',
      V2: '5+',
      V3: '6A',
      V4: '6B',
      V5: '6C',
      V6: '7A',
      V7: '7A+',
      V8: '7B',
      V9: '7C',
      V10: '7C+',
      V11: '8A',
      V12: '8A+',
      V13: '8B',
      V14: '8B+',
      V15: '8C',
      V16: '8C+',
      V17: '9A',
    });
    expect(convertGrade('6A+', 'V')).toBe('V3');
    expect(convertGrade('6b+', 'V')).toBe('V4');
    expect(convertGrade('4+', 'V')).toBe('V0');
    expect(convertGrade('7B+', 'V')).toBe('V8');
    expect(convertGrade('v4', 'V')).toBe('V4');
    expect(convertGrade('soft V5', 'Font')).toBeNull();
  });

  it('converts monotonically both ways and back from V', () => {
    for (const g of FONT_GRADES) expect(convertGrade(g, 'V')).not.toBeNull();
    const checkMonotonic = (from: readonly string[], to: 'V' | 'Font') => {
      const converted = from.map((g) => convertGrade(g, to)!);
      for (let i = 1; i < converted.length; i += 1) {
        expect(compareGrades(converted[i - 1]!, converted[i]!)).toBeLessThanOrEqual(0);
      }
    };
    checkMonotonic(V_GRADES, 'Font');
    checkMonotonic(FONT_GRADES, 'V');
    for (const g of V_GRADES) expect(convertGrade(convertGrade(g, 'Font')!, 'V')).toBe(g);
    // Every V grade is reached from some Font grade.
    expect(new Set(FONT_GRADES.map((g) => convertGrade(g, 'V'))).size).toBe(V_GRADES.length);
  });

  it('never throws on free text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => compareGrades(s, 'V5')).not.toThrow();
        expect(convertGrade(s, 'V') === null || isGradeOf('V', convertGrade(s, 'V')!)).toBe(true);
        expect(typeof isGradeOf('Font', s)).toBe('boolean');
      }),
    );
    expect(parseGrade('soft V5')).toBeNull();
    expect(parseGrade(null)).toBeNull();
    expect(parseGrade(undefined)).toBeNull();
  });
});

describe('grade validation', () => {
  it('accepts a grade of the system in any case and gives it back canonical', () => {
    expect(gradeOfSchema('V').parse('v4')).toBe('V4');
    expect(gradeOfSchema('Font').parse('6a+')).toBe('6A+');
  });

  it('lists the allowed grades compactly', () => {
    const r = gradeOfSchema('V').safeParse('6A');
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(issuesToDetails(r.error.issues)).toEqual([
        { path: '', message: 'must be a V grade: VB, V0 … V17' },
      ]);
    }
    const f = gradeOfSchema('Font').safeParse('V4');
    expect(f.success ? '' : f.error.issues[0]?.message).toBe(
      'must be a Font grade: 3, 4, 4+, 5, 5+, 6A … 8C+ (each of A, A+, B, B+, C, C+), 9A',
    );
  });

  it("checks a grade against a system known only at run time (the layout's)", () => {
    const climbBody = z
      .object({ system: gradeSystemSchema, grade: z.string() })
      .superRefine((b, ctx) => refineGradeOf(ctx, b.system, b.grade, ['grade']));
    expect(climbBody.safeParse({ system: 'Font', grade: '7a' }).success).toBe(true);
    const r = climbBody.safeParse({ system: 'Font', grade: 'V7' });
    expect(r.success ? [] : issuesToDetails(r.error.issues).map((d) => d.path)).toEqual(['grade']);
  });
});
