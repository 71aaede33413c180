import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-rows.js';

const read = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describe('readCsv', () => {
  it('numbers rows by the line they start on, through a BOM, CRLF, blank lines and quoted newlines', () => {
    const t = read('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n5,"é\r\n6"\r\n7,8');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, fields: ['1', 'x\r\ny'] },
      { line: 5, fields: ['3', '4'] },
      { line: 6, fields: ['5', 'é\r\n6'] },
      { line: 8, fields: ['7', '8'] },
    ]);
  });

  it('reads `;` when the header uses it, keeping commas inside fields', () => {
    const t = read('name;notes\nA;"one, two"\nB;three, four\n');
    expect(t.rows).toEqual([
      { line: 2, fields: ['A', 'one, two'] },
      { line: 3, fields: ['B', 'three, four'] },
    ]);
  });

  it('keeps every character of a quoted field, doubled quotes and emoji included', () => {
    const t = read('a\n"said ""hi"" 🤪  "\n');
    expect(t.rows).toEqual([{ line: 2, fields: ['said "hi" 🤪  '] }]);
  });

  it('reports a record it cannot read with its line, and keeps the rows before it', () => {
    const t = read('a,b\n1,2\n3,"open\n');
    expect(t.rows[0]).toEqual({ line: 2, fields: ['1', '2'] });
    expect(t.rows[1]).toMatchObject({ line: 3, error: expect.stringMatching(/quote/i) });
  });

  it('has no header for an empty file', () => {
    expect(read('')).toEqual({ header: [], rows: [] });
  });
});
