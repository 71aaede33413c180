import { parse, type CsvError } from 'csv-parse/sync';

/** One record of a CSV file, with the line it starts on (the header is line 1). */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Reads a logbook's CSV with csv-parse: quoted fields, newlines and quotes inside them, a BOM,
 * CRLF or LF, and `;` where the header row uses it rather than `,`. Every character of a field is
 * kept. A record the parser cannot read is a row with its error, never a reason to stop: the rest
 * of the file is still read.
 */
export function readCsv(file: Buffer): CsvTable {
  const rows: CsvRow[] = [];
  const newline = 0x0a;
  let counted = 0; // bytes whose newlines are in `lines`
  let lines = 0;
  // The line a record ending at byte `end` starts on: skip the blank lines before it, then count.
  const startLine = (end: number): number => {
    let start = counted;
    while (start < end && (file[start] === newline || file[start] === 0x0d)) start += 1;
    for (let i = counted; i < start; i += 1) if (file[i] === newline) lines += 1;
    const line = lines + 1;
    for (let i = start; i < end; i += 1) if (file[i] === newline) lines += 1;
    counted = end;
    return line;
  };
  parse(file, {
    bom: true,
    delimiter: headerDelimiter(file),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      rows.push({ line: startLine(context.bytes), fields: record });
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      const end = typeof error?.bytes === 'number' ? error.bytes : file.length;
      rows.push({ line: startLine(Math.max(end, counted)), error: error?.message ?? 'unreadable' });
    },
  });
  const first = rows[0];
  if (!first || !('fields' in first)) return { header: [], rows: [] };
  return { header: first.fields.map((c) => c.trim()), rows: rows.slice(1) };
}

/** `;` when the header row (outside quotes) has more of them than commas, else `,`. */
function headerDelimiter(file: Buffer): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const byte of file) {
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) break;
    else if (!quoted && byte === 0x2c) commas += 1;
    else if (!quoted && byte === 0x3b) semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}
