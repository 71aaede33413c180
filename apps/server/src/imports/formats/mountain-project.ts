import { ascentOf } from '../tick.js';
import { parseIsoLike, parseUsDate } from '../written-time.js';
import { typeTable, type CsvFormat } from './format.js';

/**
 * Mountain Project's styles: boulders are sent, flashed or attempted; routes are led (with a lead
 * style), top-roped, followed or soloed. A tick of a roped style without a lead style records a
 * climb of the route, so it is a send; only "Fell/Hung" and "Attempt" say it was not.
 */
const STYLES = typeTable<boolean | 'lead'>([
  [true, ['send', 'flash', 'tr', 'follow', 'solo', '']],
  [false, ['attempt']],
  ['lead', ['lead']],
]);
const LEAD_STYLES = typeTable<boolean>([
  [true, ['onsight', 'flash', 'redpoint', 'pinkpoint', '']],
  [false, ['fell/hung']],
]);

/** Mountain Project's ticks CSV (a profile's "Export CSV" of its ticks). */
export const mountainProject: CsvFormat = {
  format: 'mountainproject',
  read(row) {
    const style = ascentOf(STYLES, row('Style'), 'style');
    const sent = style === 'lead' ? ascentOf(LEAD_STYLES, row('Lead Style'), 'lead style') : style;
    const date = row('Date');
    return {
      written: parseIsoLike(date) ?? parseUsDate(date),
      place: row('Location'),
      name: row('Route'),
      grade: row('Rating'),
      kind: /boulder/i.test(row('Route Type')) ? 'boulder' : 'route',
      sent,
      // Mountain Project keeps no tries.
      attempts: null,
      notes: row('Notes'),
    };
  },
};
