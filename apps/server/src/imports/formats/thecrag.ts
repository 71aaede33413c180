import { RowError, ascentOf } from '../tick.js';
import { parseIsoLike, type WrittenTime } from '../written-time.js';
import { typeTable, type CsvFormat } from './format.js';

/** theCrag's ascent types (thecrag.com/en/article/ticktypes): sent or not. */
const ASCENT_TYPES = typeTable<boolean | 'not an ascent'>([
  [
    true,
    [
      'onsight',
      'flash',
      'red point',
      'redpoint',
      'pink point',
      'greenpoint',
      'greenpoint onsight',
      'ground up red point',
      'send',
      'tick',
      'clean',
      'repeat',
      'top rope onsight',
      'top rope flash',
      'top rope clean',
      'top rope',
      'second',
      'second clean',
      'lead solo',
      'roped solo',
      'solo',
      'free solo',
      'deep water solo',
      'aid',
      'aid solo',
      'ghost',
      'all free',
    ],
  ],
  [
    false,
    [
      'attempt',
      'working',
      'hang dog',
      'dog',
      'retreat',
      'dab',
      'top rope with rest',
      'second with rest',
    ],
  ],
  // Entries of a climber's lists, not climbs.
  ['not an ascent', ['mark', 'target', 'tick list']],
]);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * theCrag writes a day as its midnight in UTC (`2026-01-21T00:00:00Z`): a date, which must not
 * move to the day before in a zone west of Greenwich.
 */
function ascentDate(text: string): WrittenTime | null {
  const t = parseIsoLike(text);
  if (t?.zoned && t.ms % DAY_MS === 0) return { zoned: false, local: t.ms, dateOnly: true };
  return t;
}

/** theCrag's logbook CSV (Logbook → Action → Export logbook as CSV). */
export const theCrag: CsvFormat = {
  format: 'thecrag',
  read(row) {
    const type = ascentOf(ASCENT_TYPES, row('Ascent Type'));
    if (type === 'not an ascent') {
      throw new RowError(`"${row('Ascent Type').trim()}" marks a climb on a list, not an ascent`);
    }
    const gear = (row('Ascent Gear Style') || row('Route Gear Style')).trim().toLowerCase();
    // A tick without an ascent date (theCrag allows it) happened when it was logged at the latest.
    const date = row('Ascent Date').trim() || row('Log Date').trim();
    return {
      written: ascentDate(date),
      place: row('Crag Name'),
      name: row('Route Name'),
      grade: row('Ascent Grade').trim() || row('Route Grade'),
      kind: gear === 'boulder' ? 'boulder' : 'route',
      sent: type,
      attempts: null,
      notes: row('Comment'),
      sourceId: row('Ascent ID').trim() || null,
    };
  },
};
