import { dayToDate, type LocalClock } from '@sendlog/rules';

/**
 * A tick's time as its file writes it: an instant (the file gave a zone), or a wall-clock time
 * (or just a date) that means a time in the climber's own zone.
 */
export type WrittenTime =
  { zoned: true; ms: number } | { zoned: false; local: number; dateOnly: boolean };

/** Where a tick sits: its instant and its local date in the climber's zone. */
export interface TickTime {
  at: string;
  day: string;
}

/** A date without a time is taken at noon, so no zone's offset moves it to another day. */
const NOON_MS = 12 * 60 * 60 * 1000;

export function resolveTime(t: WrittenTime, clock: LocalClock): TickTime {
  if (t.zoned) {
    return { at: new Date(t.ms).toISOString(), day: dayToDate(clock.localDay(t.ms)) };
  }
  const local = t.dateOnly ? t.local + NOON_MS : t.local;
  // The instant whose local time is `local`: the offset is asked twice, so a time near a change
  // of offset lands on the side the change leaves it on.
  const guess = local - clock.offsetAt(local);
  const ms = local - clock.offsetAt(guess);
  return { at: new Date(ms).toISOString(), day: new Date(local).toISOString().slice(0, 10) };
}

function calendar(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  return ms;
}

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `2026-01-21`, `2026-01-21 18:32:11`, `2019-10-10 0:00:00`, `2026-01-21T00:00:00Z`,
 * `2026-01-21T18:05:00+01:00`. Null when it is none of them or names no real day.
 */
export function parseIsoLike(text: string): WrittenTime | null {
  const m = ISO_LIKE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const local = calendar(
    Number(y),
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  );
  if (local === null) return null;
  if (zone === undefined) return { zoned: false, local, dateOnly: h === undefined };
  return { zoned: true, ms: local - zoneOffsetMs(zone) };
}

/** Mountain Project's older exports: `3/23/2024` (month first). */
export function parseUsDate(text: string): WrittenTime | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const local = calendar(Number(m[3]), Number(m[1]), Number(m[2]));
  return local === null ? null : { zoned: false, local, dateOnly: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What JavaScript's `Date.toString()` writes: `Thu Jul 09 2026 14:55:40 GMT+0000 (GMT+00:00)`. */
export function parseDateString(text: string): WrittenTime | null {
  const m =
    /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})/.exec(
      text.trim(),
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!) + 1;
  if (month === 0) return null;
  const local = calendar(
    Number(m[3]),
    month,
    Number(m[2]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  return local === null ? null : { zoned: true, ms: local - zoneOffsetMs(m[7]!) };
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}
