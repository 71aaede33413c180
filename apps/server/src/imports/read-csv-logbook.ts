import type { ImportFormat, ImportRejected } from '@sendlog/contract';
import { IMPORT_CSV_SHAPES } from '@sendlog/contract';
import { clockFor } from '@sendlog/rules';
import { readCsv } from './csv-rows.js';
import { boardLib } from './formats/boardlib.js';
import { eightA } from './formats/eight-a.js';
import type { CsvFormat } from './formats/format.js';
import { kaya } from './formats/kaya.js';
import { mountainProject } from './formats/mountain-project.js';
import { theCrag } from './formats/thecrag.js';
import { RowError, finishTick, rowOf, type Tick } from './tick.js';

export const CSV_FORMATS: Record<Exclude<ImportFormat, 'sendlog'>, CsvFormat> = {
  thecrag: theCrag,
  '8a': eightA,
  mountainproject: mountainProject,
  kaya,
  boardlib: boardLib,
};

export type CsvLogbook =
  { ok: true; ticks: Tick[]; rejected: ImportRejected[] } | { ok: false; header: string[] };

/**
 * A logbook's CSV as ticks and refused rows. `ok: false` when the header is not one of the
 * format's shapes (the file is of another logbook, or no CSV at all).
 */
export function readCsvLogbook(
  format: Exclude<ImportFormat, 'sendlog'>,
  file: Buffer,
  tz: string,
): CsvLogbook {
  const table = readCsv(file);
  const columns = new Set(table.header);
  if (!IMPORT_CSV_SHAPES[format].some((shape) => shape.every((c) => columns.has(c)))) {
    return { ok: false, header: table.header };
  }
  const reader = CSV_FORMATS[format];
  const clock = clockFor(tz);
  const ticks: Tick[] = [];
  const rejected: ImportRejected[] = [];
  for (const row of table.rows) {
    if ('error' in row) {
      rejected.push({ line: row.line, reason: `the line is not readable CSV: ${row.error}` });
      continue;
    }
    // A row of empty fields (`,,,`) holds no tick.
    if (row.fields.every((f) => f.trim() === '')) continue;
    try {
      const outcome = finishTick(
        row.line,
        reader.read(rowOf(table.header, row.fields), columns),
        clock,
      );
      if ('tick' in outcome) ticks.push(outcome.tick);
      else rejected.push(outcome.rejected);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  return { ok: true, ticks, rejected };
}
