import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso } from './normalize.js';

const MIN = new Date('1970-01-01T00:00:00.000Z');
// A day short of 9999's end, so the local text of any offset keeps four year digits.
const MAX = new Date('9999-12-30T00:00:00.000Z');

describe('iso', () => {
  it('is toISOString for every instant, sent in UTC or with an offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: MIN, max: MAX, noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offsetMin) => {
          const utc = date.toISOString();
          expect(iso(utc)).toBe(utc);
          const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(offsetMin) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offsetMin) % 60).padStart(2, '0');
          expect(iso(`${local}${sign}${hh}:${mm}`)).toBe(utc);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('keeps the parser’s reading of days a month lacks and of text without milliseconds', () => {
    for (const text of [
      '2026-02-30T10:00:00.000Z',
      '2026-04-31T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2026-11-24T18:05:00Z',
      '2026-11-24T18:05:00.1Z',
    ]) {
      expect(iso(text)).toBe(new Date(text).toISOString());
    }
  });
});
