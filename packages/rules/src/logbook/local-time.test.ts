import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, LocalClock, dayToDate, isoWeekStart } from './local-time.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Santiago',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Pacific/Chatham',
];
const clocks = new Map(ZONES.map((tz) => [tz, new LocalClock(tz)]));
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

describe('local time', () => {
  it('gives the offset Intl gives, from its per-day cache', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (tz, ms) => {
        const clock = clocks.get(tz)!;
        expect(clock.offsetAt(ms)).toBe(clock.exactOffsetAt(ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact all through the days the clocks change', () => {
    let changeDays = 0;
    for (const tz of ZONES) {
      const clock = new LocalClock(tz);
      for (let day = Date.UTC(2024, 0, 1) / DAY_MS; day < Date.UTC(2028, 0, 1) / DAY_MS; day += 1) {
        const start = day * DAY_MS;
        if (clock.exactOffsetAt(start) === clock.exactOffsetAt(start + DAY_MS - 1000)) continue;
        changeDays += 1;
        for (let ms = start; ms < start + DAY_MS; ms += 7 * 60_000 + 13_000) {
          expect(clock.offsetAt(ms)).toBe(clock.exactOffsetAt(ms));
        }
      }
    }
    expect(changeDays).toBeGreaterThan(30);
  });

  it('finds the second the clocks change', () => {
    const berlin = clocks.get('Europe/Berlin')!;
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(berlin.offsetAt(change - 1)).toBe(3_600_000);
    expect(berlin.offsetAt(change)).toBe(7_200_000);
    expect(berlin.localDay(Date.parse('2026-10-25T22:59:59Z'))).toBe(
      Date.UTC(2026, 9, 25) / DAY_MS,
    );
    expect(berlin.localDay(Date.parse('2026-10-25T23:00:00Z'))).toBe(
      Date.UTC(2026, 9, 26) / DAY_MS,
    );
  });

  it('starts every local day at its first instant, also when summer time skips midnight', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (tz, ms) => {
        const clock = clocks.get(tz)!;
        const day = clock.localDay(ms);
        const start = clock.startOfDay(day);
        expect(clock.localDay(start)).toBe(day);
        expect(clock.localDay(start - 1000)).toBe(day - 1);
      }),
      { numRuns: 2000 },
    );
    // Chile moved its clocks from Saturday 24:00 to Sunday 01:00 on 2026-09-06.
    const santiago = clocks.get('America/Santiago')!;
    expect(new Date(santiago.startOfDay(Date.UTC(2026, 8, 6) / DAY_MS)).toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    const berlin = clocks.get('Europe/Berlin')!;
    expect(new Date(berlin.startOfDay(Date.UTC(2026, 2, 30) / DAY_MS)).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('knows the Monday of each ISO week', () => {
    // 1970-01-01 was a Thursday; 2026-01-05 and 1969-12-29 were Mondays.
    expect(dayToDate(isoWeekStart(0))).toBe('1969-12-29');
    for (let d = 0; d < 7; d += 1) {
      expect(dayToDate(isoWeekStart(Date.UTC(2026, 0, 5 + d) / DAY_MS))).toBe('2026-01-05');
    }
    expect(dayToDate(isoWeekStart(Date.UTC(2026, 0, 12) / DAY_MS))).toBe('2026-01-12');
    expect(dayToDate(isoWeekStart(Date.UTC(1960, 0, 1) / DAY_MS))).toBe('1959-12-28');
  });
});
