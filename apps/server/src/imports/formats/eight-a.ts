import { RowError, ascentOf, triesOf } from '../tick.js';
import { parseIsoLike } from '../written-time.js';
import { typeTable, type CsvFormat } from './format.js';

type EightAType = { sent: boolean; tries: number };

/**
 * 8a.nu's ascent types, in today's words and the codes of its older export: sent or not, and the
 * tries they mean when the row has none (a "second go" / "go" is a send on the second try).
 */
const ASCENT_TYPES = typeTable<EightAType>([
  [{ sent: true, tries: 1 }, ['onsight', 'os', 'flash', 'f']],
  [{ sent: true, tries: 1 }, ['redpoint', 'rp', 'toprope', 'top rope', 'tr', 'repeat']],
  [{ sent: true, tries: 2 }, ['second go', '2nd go', 'go']],
  [{ sent: false, tries: 1 }, ['attempt', 'tried', 'try', 'project', 'working']],
]);

const yes = (text: string) => ['1', 'true', 'yes'].includes(text.trim().toLowerCase());

/** 8a.nu's logbook CSV, of today (quoted, snake_case) or of the old site. */
export const eightA: CsvFormat = {
  format: '8a',
  read(row, columns) {
    const today = columns.has('route_boulder');
    const typeText = row('type').trim();
    // A project logged without an ascent type is a climb being worked, not a send.
    const type =
      typeText === '' && yes(row('project'))
        ? { sent: false, tries: 1 }
        : ascentOf(ASCENT_TYPES, typeText);
    const secondGo = /second[_ ]go|2nd[_ ]go/i.test(row('sub_type'));
    const kindText = (today ? row('route_boulder') : row('Route or Boulder')).trim().toLowerCase();
    if (kindText !== 'boulder' && kindText !== 'route') {
      throw new RowError(`"${kindText}" is neither a route nor a boulder`);
    }
    return {
      written: parseIsoLike(row('date')),
      place: today ? row('location_name') : row('Crag Name'),
      name: today ? row('name') : row('Route/Boulder Name'),
      grade: row('difficulty'),
      kind: kindText,
      sent: type.sent,
      attempts: triesOf(row('tries')) ?? (secondGo ? 2 : type.tries),
      notes: row('comment'),
    };
  },
};
