import { parseGrade, type BackupGym } from '@sendlog/contract';
import { compareExportOrder } from './backup.js';
import { parseInstant } from './instant.js';
import { clockFor, dayToDate } from './local-time.js';
import { inGradeTable, orderTries, type OrderedTry } from './tries.js';
import type { LogbookRoute, LogbookSession } from './types.js';

/**
 * The CSV export of a climber's history (`GET /sessions/export?format=csv`), built here so the
 * phone can write the same file offline: the server streams the same lines page by page.
 *
 * - UTF-8, no byte order mark, lines end with CRLF (RFC 4180), a header row first.
 * - A field is quoted when it holds a quote, a comma, CR or LF; quotes inside are doubled.
 * - Free text the climber typed (wall and climb names, own grade, notes) that starts with `=`,
 *   `+`, `-`, `@`, a tab or a CR, also after leading blanks or line breaks (spreadsheets skip
 *   those before reading a formula), is prefixed with `'`, so a spreadsheet shows it as text
 *   instead of running it as a formula (OWASP "CSV injection"). The JSON backup keeps every text
 *   as typed.
 */

export const EXPORT_CSV_COLUMNS = [
  'ascent_id',
  'session_id',
  'climbed_at',
  'date',
  'wall',
  'climb_id',
  'climb_name',
  'grade_system',
  'route_grade',
  'my_grade',
  'ascent_type',
  'sent',
  'attempts',
  'stars',
  'notes',
  'session_notes',
  'updated_at',
  'gym',
  // Appended (the columns before keep their order): where a session elsewhere was, and what an
  // unlisted climb is (`boulder` or `route`; empty for a catalogue climb).
  'place',
  'climb_kind',
] as const;

export type AscentType = 'flash' | 'send' | 'repeat' | 'attempt';

/** What a try is, by its place in the total order of tries (see `orderTries`). */
export function ascentTypeOf(t: OrderedTry): AscentType {
  if (t.isFlash) return 'flash';
  if (t.isRepeat) return 'repeat';
  return t.route.isSuccess ? 'send' : 'attempt';
}

/** Where a try stands in the total order of tries (`compareTries`), without its objects. */
export interface TryKey {
  atMs: number;
  sessionStartMs: number;
  sessionId: string;
  routeId: string;
}

export function compareTryKeys(a: TryKey, b: TryKey): number {
  return (
    a.atMs - b.atMs ||
    a.sessionStartMs - b.sessionStartMs ||
    compareText(a.sessionId, b.sessionId) ||
    compareText(a.routeId, b.routeId)
  );
}

/** The first try and the first send at one climb, over the whole history. */
export interface ClimbFirsts {
  firstTry: TryKey;
  firstSend: TryKey | null;
}

/**
 * What a try is, knowing only the first try and first send at its climb: a flash is a one-go
 * send that is the climb's first try, a repeat a send after the climb's first send. The same
 * answer as `ascentTypeOf(orderTries(…))`, but a reader streaming tries in any order (the server's
 * export, page by page) keeps two keys per climb instead of the whole history.
 */
export function ascentTypeFromFirsts(
  t: TryKey & { isSuccess: boolean; attempts: number },
  firsts: ClimbFirsts,
): AscentType {
  if (!t.isSuccess) return 'attempt';
  if (t.attempts === 1 && compareTryKeys(t, firsts.firstTry) === 0) return 'flash';
  if (firsts.firstSend !== null && compareTryKeys(firsts.firstSend, t) < 0) return 'repeat';
  return 'send';
}

const NEEDS_QUOTES = /[",\r\n]/;
/** A formula character after any blanks or line breaks (`\s`: spaces, tabs, CR, LF, NBSP…). */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

/** One CSV field: quoted only when it must be (RFC 4180). */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Typed text, made inert for spreadsheets (see the top of this file), then quoted if needed. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

export const EXPORT_CSV_HEADER = `${EXPORT_CSV_COLUMNS.join(',')}\r\n`;

/** One try as the CSV needs it: its route, its session's fields and what the try is. */
export interface ExportTry {
  route: LogbookRoute & { updatedAt: string };
  session: { id: string; startTime: string; notes: string | null; place?: string | null };
  /** The name of the session's wall (layout), `null` when it has none or it is unknown. */
  wall: string | null;
  /** The name of that wall's gym, `null` when unknown. */
  gym?: string | null;
  ascentType: AscentType;
}

/**
 * One CSV line (CRLF included). `climbed_at` is the try's moment (`loggedAt`, else its session's
 * start); `date` its local date in `tz`; `grade_system` the system of the route's grade (empty
 * when it is outside the grade table).
 */
export function exportCsvLine(t: ExportTry, tz: string): string {
  const { route, session } = t;
  const climbedAt = route.loggedAt ?? session.startTime;
  const atMs = parseInstant(climbedAt);
  const fields = [
    csvField(route.id),
    csvField(session.id),
    csvField(new Date(atMs).toISOString()),
    dayToDate(clockFor(tz).localDay(atMs)),
    csvText(t.wall),
    csvField(route.climbId ?? ''),
    csvText(route.climbName),
    // An unlisted route's grade stands outside the table, even where its text reads as Font.
    inGradeTable(route) ? (parseGrade(route.grade)?.system ?? '') : '',
    csvText(route.grade),
    csvText(route.gradeOpinion),
    t.ascentType,
    route.isSuccess ? 'true' : 'false',
    String(route.attempts),
    route.rating === null ? '' : String(route.rating),
    csvText(route.notes),
    csvText(session.notes),
    csvField(route.updatedAt),
    csvText(t.gym ?? null),
    csvText(session.place ?? null),
    route.climb?.kind ?? '',
  ];
  return `${fields.join(',')}\r\n`;
}

export interface ExportSession extends LogbookSession {
  notes: string | null;
  layoutId: string | null;
  /** The gym of the session's wall, as the JSON backup carries it (absent or null: unknown). */
  gym?: BackupGym | null;
  routes: readonly (LogbookRoute & { updatedAt: string })[];
}

/**
 * The whole CSV of a history in memory (the phone's case): sessions oldest first (by start, then
 * id), each session's tries in its own order, deleted sessions left out. `walls` names layouts;
 * the gym is the session's own (`gym`, as the JSON backup carries it).
 */
export function exportCsv(
  sessions: readonly ExportSession[],
  walls: ReadonlyMap<string, string>,
  tz = 'UTC',
): string {
  const types = new Map<LogbookRoute, AscentType>();
  for (const t of orderTries(sessions)) types.set(t.route, ascentTypeOf(t));
  const kept = sessions.filter((s) => s.deleted !== true).sort(compareExportOrder);
  let csv = EXPORT_CSV_HEADER;
  for (const session of kept) {
    const wall = session.layoutId === null ? null : (walls.get(session.layoutId) ?? null);
    // `session` carries its place (a session elsewhere) into every line.
    const gym = session.gym?.name ?? null;
    for (const route of session.routes) {
      const ascentType = types.get(route) ?? 'attempt';
      csv += exportCsvLine({ route, session, wall, gym, ascentType }, tz);
    }
  }
  return csv;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
