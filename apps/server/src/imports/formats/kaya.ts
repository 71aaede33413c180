import { kindOfGrade } from '../climb-kind.js';
import { ascentOf, triesOf } from '../tick.js';
import { parseDateString, parseIsoLike } from '../written-time.js';
import { typeTable, type CsvFormat } from './format.js';

const ASCENT_TYPES = typeTable<boolean>([
  [true, ['flash', 'onsight', 'redpoint', 'send', 'repeat', 'pinkpoint', 'top rope']],
  [false, ['attempt', 'project', 'working', 'tried']],
]);

/** KAYA's CSV of a climber's ascents (Settings → Export data). */
export const kaya: CsvFormat = {
  format: 'kaya',
  read(row) {
    const grade = row('grade');
    const date = row('date');
    // A gym's problem often has no name: it is its colour and grade on the wall.
    const name =
      row('climb_name').trim() !== ''
        ? row('climb_name')
        : [row('color').trim(), grade.trim()].filter((p) => p !== '').join(' ');
    return {
      written: parseDateString(date) ?? parseIsoLike(date),
      place: row('gym').trim() || row('location'),
      name,
      grade,
      kind: kindOfGrade(grade),
      sent: ascentOf(ASCENT_TYPES, row('ascent_type')),
      attempts: triesOf(row('attempts')),
      notes: row('notes'),
    };
  },
};
