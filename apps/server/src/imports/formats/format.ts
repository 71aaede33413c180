import type { ImportFormat } from '@sendlog/contract';
import type { Row, TickDraft } from '../tick.js';

/**
 * A logbook's CSV: how one of its rows becomes a tick. `read` throws `RowError` with the reason a
 * row cannot be read; `columns` is the file's header, for logbooks with two shapes of export.
 */
export interface CsvFormat {
  format: Exclude<ImportFormat, 'sendlog'>;
  read(row: Row, columns: ReadonlySet<string>): TickDraft;
}

/** A lookup table of ascent types, lower case, to what they mean. */
export function typeTable<T>(entries: [T, readonly string[]][]): ReadonlyMap<string, T> {
  const table = new Map<string, T>();
  for (const [value, names] of entries) for (const name of names) table.set(name, value);
  return table;
}
