import type { PyramidRow } from '@sendlog/contract';

/** One chip of the summary's per-grade strip: climbs at a grade as the climber reads grades. */
export interface GradeChip {
  grade: string;
  flashed: number;
  /** Sends, flashes included. */
  sent: number;
  tried: number;
}

/**
 * The summary's grade rows as shown: each grade in the climber's system, rows that show as the
 * same grade merged (two V grades can read as one Font grade), in the rows' order (hardest first).
 */
export function gradeStrip(rows: readonly PyramidRow[], display: (grade: string) => string) {
  const chips: GradeChip[] = [];
  for (const row of rows) {
    const grade = row.grade === '' ? '?' : display(row.grade);
    const sent = row.flashed + row.sent;
    const tried = sent + row.triedOnly;
    const same = chips.find((c) => c.grade === grade);
    if (same) {
      same.flashed += row.flashed;
      same.sent += sent;
      same.tried += tried;
    } else {
      chips.push({ grade, flashed: row.flashed, sent, tried });
    }
  }
  return chips;
}

/** "2 of 3 sent, 1 flash": a chip's counts in words, for eyes and screen readers alike. */
export function chipText(chip: GradeChip): string {
  const flashes =
    chip.flashed === 0 ? '' : `, ${chip.flashed} ${chip.flashed === 1 ? 'flash' : 'flashes'}`;
  return `${chip.sent} of ${chip.tried} sent${flashes}`;
}
