import { GRADE_SYSTEMS, GRADE_TABLE, gradeIndex, parseGrade } from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type InProcessDatabase } from '../testing/databases.js';
import { openDatabase, type Database } from './connection.js';
import { gradeKey, gradeOrder, JS_TRIMMED, type GradeScale } from './grade-sql.js';
import { arrayParam, queryRows } from './sql.js';

describe('the grade key of SQL', () => {
  it('trims exactly the characters String.prototype.trim removes', () => {
    const trimmed: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const c = String.fromCharCode(code);
      if (c.trim() === '') trimmed.push(c);
    }
    expect([...JS_TRIMMED].sort()).toEqual(trimmed.sort());
  });

  it('needs to upper-case only a, b, c and v to match a grade as toUpperCase does', () => {
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const c = String.fromCodePoint(code);
      const upper = c.toUpperCase();
      // Every character of a grade (VB, V4, 6A+) is one of these.
      if (upper !== c && /^[VABC]+$/.test(upper)) expect('abcv').toContain(c);
    }
  });
});

describe.each(BACKENDS)('the grade order of SQL on $name', (backend) => {
  let created: InProcessDatabase;
  let database: Database;

  beforeAll(async () => {
    created = await backend.createDatabase('grade_sql');
    database = await openDatabase(created.options);
  });

  afterAll(async () => {
    await database.close();
    await created.drop();
  });

  it('places every text on each scale where the contract does, and no other text', async () => {
    const texts = [
      ...GRADE_TABLE.keys(),
      ...[...GRADE_TABLE.keys()].map((g) => ` ${g.toLowerCase()}\t`),
      'soft V5',
      '5.12a',
      'V',
      '9A+',
      '',
    ];
    const scales: GradeScale[] = [...GRADE_SYSTEMS, 'rank'];
    const rows = await queryRows<{ text: string } & Record<GradeScale, number | null>>(
      database.db,
      sql`select u.text, ${sql.join(
        scales.map((s) => sql`${gradeOrder(s, gradeKey(sql`u.text`))} as ${sql.raw(`"${s}"`)}`),
        sql`, `,
      )} from unnest(${arrayParam(texts, 'text')}) as u(text)`,
    );
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) {
      const expected = Object.fromEntries(
        scales.map((s) => [
          s,
          s === 'rank' ? (parseGrade(row.text)?.rank ?? null) : gradeIndex(s, row.text),
        ]),
      );
      const actual = Object.fromEntries(scales.map((s) => [s, row[s]]));
      expect(actual, JSON.stringify(row.text)).toEqual(expected);
    }
  });
});
