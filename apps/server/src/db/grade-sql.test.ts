import { describe, expect, it } from 'vitest';
import { JS_TRIMMED } from './grade-sql.js';

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
