import { RowError, triesOf } from '../tick.js';
import { parseIsoLike } from '../written-time.js';
import type { CsvFormat } from './format.js';

/** Python writes booleans as `True` / `False`; the board apps' own tables use 1 / 0. */
function flag(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['true', '1'].includes(t)) return true;
  if (['false', '0'].includes(t)) return false;
  throw new RowError(`is_ascent "${text.trim()}" is neither True nor False`);
}

/**
 * The CSV that BoardLib (`boardlib logbook kilter …`) writes of a Kilter, Tension or other board's
 * logbook: every row a climb on one day at one angle; `is_ascent` False for tries without a send.
 * The same problem at another angle is another climb, so the angle joins its name.
 */
export const boardLib: CsvFormat = {
  format: 'boardlib',
  read(row, columns) {
    const current = columns.has('climb_name');
    const name = current ? row('climb_name') : row('name');
    const angle = row('angle').trim();
    return {
      written: parseIsoLike(row('date')),
      place: row('board'),
      name: angle !== '' && name.trim() !== '' ? `${name} @ ${angle}°` : name,
      grade: current ? row('logged_grade').trim() || row('displayed_grade') : row('grade'),
      kind: 'boulder',
      sent: current ? flag(row('is_ascent')) : true,
      attempts: triesOf(row('tries')),
      notes: row('comment'),
    };
  },
};
