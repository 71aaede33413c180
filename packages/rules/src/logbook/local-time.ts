/**
 * Local calendar days in an IANA time zone without a date library, and without asking `Intl` for
 * every instant: the zone's offset is asked for once per UTC midnight, and a UTC day that starts
 * and ends on the same offset keeps it all day; only on the rare day the offset changes is the
 * moment of the change searched for, to the second. (This assumes a zone changes its offset at
 * most once a day, which every zone has done since 1900.) Offsets never change for a given zone,
 * so the clocks, with what they learnt, are kept for the next computation (`clockFor`).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

interface DayOffsets {
  /** Offset (local − UTC, ms) before `changeAt`, and from `changeAt` on. */
  before: number;
  after: number;
  changeAt: number;
}

export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();
  /** Exact offsets at UTC midnights, by UTC day: each is the end of one day and the start of the next. */
  private readonly midnights = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local time minus UTC at instant `ms`, in ms (Berlin in summer: +7,200,000). */
  offsetAt(ms: number): number {
    const utcDay = Math.floor(ms / DAY_MS);
    let day = this.days.get(utcDay);
    if (day === undefined) {
      day = this.offsetsOfUtcDay(utcDay);
      this.days.set(utcDay, day);
    }
    return ms < day.changeAt ? day.before : day.after;
  }

  /** The local date of `ms` as whole days since 1970-01-01. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /**
   * The first instant of local day `day` (its midnight, or the end of the gap when summer time
   * skips midnight, as in America/Santiago).
   */
  startOfDay(day: number): number {
    const midnight = day * DAY_MS;
    // The zone's offset around that midnight is one of these two (one change at most a day).
    const candidates = [this.offsetAt(midnight - DAY_MS / 2), this.offsetAt(midnight + DAY_MS / 2)]
      .map((offset) => midnight - offset)
      .filter((t) => this.localDay(t) === day);
    return candidates.length > 0 ? Math.min(...candidates) : midnight - this.offsetAt(midnight);
  }

  /** The offset exactly, from `Intl` (the slow path). */
  exactOffsetAt(ms: number): number {
    const whole = ms - (((ms % 1000) + 1000) % 1000);
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(whole)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    return local - whole;
  }

  private offsetAtMidnight(utcDay: number): number {
    let offset = this.midnights.get(utcDay);
    if (offset === undefined) {
      offset = this.exactOffsetAt(utcDay * DAY_MS);
      this.midnights.set(utcDay, offset);
    }
    return offset;
  }

  private offsetsOfUtcDay(utcDay: number): DayOffsets {
    const start = utcDay * DAY_MS;
    // The next midnight: a change exactly then leaves this whole day on the old offset.
    const end = start + DAY_MS;
    const before = this.offsetAtMidnight(utcDay);
    const after = this.offsetAtMidnight(utcDay + 1);
    if (before === after) return { before, after, changeAt: Number.POSITIVE_INFINITY };
    // Binary search, in whole seconds, for the first second with the new offset.
    let lo = start;
    let hi = end;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.exactOffsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, changeAt: hi };
  }
}

const clocks = new Map<string, LocalClock>();
const MAX_CLOCKS = 16;

/** The shared clock of `timeZone`, so repeated computations ask `Intl` nothing new. */
export function clockFor(timeZone: string): LocalClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    if (clocks.size >= MAX_CLOCKS) clocks.delete(clocks.keys().next().value ?? '');
    clock = new LocalClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** Monday of the ISO week holding local day `day` (1970-01-01 was a Thursday). */
export function isoWeekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** `YYYY-MM-DD` of a day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
