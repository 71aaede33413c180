import { LIMITS, type ImportRejected } from '@sendlog/contract';
import type { LocalClock } from '@sendlog/rules';
import { unsafeTextDetails } from '../domain/text-safety.js';
import { resolveTime, type TickTime, type WrittenTime } from './written-time.js';

export type ClimbKind = 'boulder' | 'route';

/** One line of a logbook, in no logbook's words: what Sendlog makes a route of. */
export interface Tick {
  line: number;
  time: TickTime;
  /** The crag, gym or board; the ticks of one day at one place are one session. */
  place: string | null;
  name: string;
  /** As the logbook writes it. */
  grade: string;
  kind: ClimbKind;
  sent: boolean;
  attempts: number;
  /** The tick's comment, every character kept; null when it has none. */
  notes: string | null;
  /** The logbook's own id of the tick, when it writes one (theCrag does). */
  sourceId: string | null;
}

export type RowOutcome = { tick: Tick } | { rejected: ImportRejected };

/** The limits a tick must fit, the same as a session snapshot's (docs/api.md). */
export const TICK_LIMITS = {
  maxName: LIMITS.maxUnlistedName,
  maxGrade: LIMITS.maxUnlistedGrade,
  maxPlace: LIMITS.maxPlace,
  maxNotes: LIMITS.maxRouteNotes,
  maxAttempts: LIMITS.maxAttempts,
} as const;

/** One row's columns by name; a column the file lacks reads as ''. */
export type Row = (column: string) => string;

export function rowOf(header: readonly string[], fields: readonly string[]): Row {
  const index = new Map<string, number>();
  header.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  return (column) => {
    const i = index.get(column);
    return i === undefined ? '' : (fields[i] ?? '');
  };
}

export class RowError extends Error {}

/** What a format reads from a row, before the checks every format shares. */
export interface TickDraft {
  written: WrittenTime | null;
  place: string;
  name: string;
  grade: string;
  kind: ClimbKind;
  sent: boolean;
  attempts: number | null;
  notes: string;
  sourceId?: string | null;
}

/**
 * The checks every format shares, in the words a climber reads beside the line number: a tick
 * that cannot become a route is refused whole, never trimmed (its comment keeps every character).
 */
export function finishTick(line: number, d: TickDraft, clock: LocalClock): RowOutcome {
  const refuse = (reason: string): RowOutcome => ({ rejected: { line, reason } });
  if (d.written === null) return refuse('the date is missing or not a date');
  // Caught per row, so one row's NUL does not refuse the other ticks of its day.
  const unsafe = unsafeTextDetails({
    name: d.name,
    grade: d.grade,
    place: d.place,
    notes: d.notes,
  });
  if (unsafe.length > 0) {
    return refuse(
      `the ${unsafe[0]!.path === 'notes' ? 'comment' : unsafe[0]!.path} holds text that cannot be stored (${unsafe[0]!.message})`,
    );
  }
  if (d.name.trim() === '') return refuse('the climb has no name');
  if (d.name.length > TICK_LIMITS.maxName) {
    return refuse(`the climb's name is longer than ${TICK_LIMITS.maxName} characters`);
  }
  if (d.grade.length > TICK_LIMITS.maxGrade) {
    return refuse(`the grade is longer than ${TICK_LIMITS.maxGrade} characters`);
  }
  const attempts = d.attempts ?? 1;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > TICK_LIMITS.maxAttempts) {
    return refuse(`the number of tries must be 1–${TICK_LIMITS.maxAttempts}`);
  }
  if (d.notes.length > TICK_LIMITS.maxNotes) {
    return refuse(`the comment is longer than ${TICK_LIMITS.maxNotes} characters`);
  }
  const place = d.place.trim();
  return {
    tick: {
      line,
      time: resolveTime(d.written, clock),
      // A place longer than a session's keeps its end, the most precise part of an area path.
      place:
        place === ''
          ? null
          : place.length > TICK_LIMITS.maxPlace
            ? `…${place.slice(place.length - TICK_LIMITS.maxPlace + 1)}`
            : place,
      name: d.name,
      grade: d.grade.trim(),
      kind: d.kind,
      sent: d.sent,
      attempts,
      notes: d.notes === '' ? null : d.notes,
      sourceId: d.sourceId ?? null,
    },
  };
}

/** Tries written as a number: '' → null (the format's default), anything else must be a whole number. */
export function triesOf(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) throw new RowError(`the number of tries "${t}" is not a whole number`);
  return Number(t);
}

/** Looks a logbook's ascent type up, refusing a type this importer does not know. */
export function ascentOf<T>(
  types: ReadonlyMap<string, T>,
  written: string,
  what = 'ascent type',
): T {
  const found = types.get(written.trim().toLowerCase());
  if (found === undefined) {
    throw new RowError(
      written.trim() === '' ? `the ${what} is missing` : `unknown ${what} "${written.trim()}"`,
    );
  }
  return found;
}
