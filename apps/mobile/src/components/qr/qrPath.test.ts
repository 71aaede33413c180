import { create } from 'qrcode';
import { QUIET_ZONE, qrPath } from './qrPath';

const grid = (rows: string[]) => ({
  size: rows.length,
  get: (row: number, col: number) => rows[row]?.[col] === '#',
});

/** The dark cells a path draws, read back from its commands. */
function cellsOf(path: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++)
      cells.add(`${Number(y) - QUIET_ZONE},${Number(x) + i - QUIET_ZONE}`);
  }
  return cells;
}

describe('qrPath', () => {
  it('draws each run of dark modules as one rectangle, inside the quiet zone', () => {
    expect(qrPath(grid(['##.', '..#', '...']))).toBe('M4 4h2v1h-2zM6 5h1v1h-1z');
  });

  it("draws exactly the library's dark modules of a real code", () => {
    const code = create('https://sendlog.example/g/boulderwerk-zurich', {
      errorCorrectionLevel: 'M',
    });
    const { size } = code.modules;
    const dark = new Set<string>();
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        if (code.modules.get(row, col)) dark.add(`${row},${col}`);
    expect(cellsOf(qrPath(code.modules))).toEqual(dark);
    expect(dark.size).toBeGreaterThan(100);
  });
});
