import { climbKeyOf, normalizeGrade, type StatsGradeSource } from '@sendlog/contract';
import { parseInstant } from './instant.js';
import type { LogbookRoute, LogbookSession } from './types.js';

/** A try in the total order, with what its place in that order makes it. */
export interface OrderedTry {
  session: LogbookSession;
  route: LogbookRoute;
  /** The try's moment: `loggedAt`, else its session's start (epoch ms). */
  atMs: number;
  sessionStartMs: number;
  /** A send in one attempt of a climb never tried before. */
  isFlash: boolean;
  /** A send of a climb sent before. */
  isRepeat: boolean;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The total order of tries: `loggedAt ?? session.startTime`, then `session.startTime`, then
 * session id, then route id (ids by UTF-16 code units, as `COLLATE "C"`).
 */
export function compareTries(a: OrderedTry, b: OrderedTry): number {
  return (
    a.atMs - b.atMs ||
    a.sessionStartMs - b.sessionStartMs ||
    compareText(a.session.id, b.session.id) ||
    compareText(a.route.id, b.route.id)
  );
}

/**
 * Every try outside deleted sessions, in the total order, each classified as a flash or a repeat
 * against all tries before it. One sort, one pass.
 */
export function orderTries(sessions: readonly LogbookSession[]): OrderedTry[] {
  let count = 0;
  for (const session of sessions) if (session.deleted !== true) count += session.routes.length;
  // Sized once: 40,000 pushes would copy the array over and over.
  const tries = new Array<OrderedTry>(count);
  let i = 0;
  for (const session of sessions) {
    if (session.deleted === true) continue;
    const sessionStartMs = parseInstant(session.startTime);
    for (const route of session.routes) {
      const atMs = route.loggedAt == null ? sessionStartMs : parseInstant(route.loggedAt);
      tries[i] = { session, route, atMs, sessionStartMs, isFlash: false, isRepeat: false };
      i += 1;
    }
  }
  // Histories arrive nearly in order, which the runtime's merge sort finishes in about one pass.
  tries.sort(compareTries);
  const tried = new Set<string>();
  const sent = new Set<string>();
  for (const t of tries) {
    const { isSuccess, attempts } = t.route;
    const climbId = climbKeyOf(t.route);
    t.isFlash = isSuccess && attempts === 1 && !tried.has(climbId);
    t.isRepeat = isSuccess && sent.has(climbId);
    tried.add(climbId);
    if (isSuccess) sent.add(climbId);
  }
  return tries;
}

/**
 * Whether a try's grade may stand in the grade table (pyramid, hardest send and flash): always for
 * a catalogue climb; for an unlisted one only when it is a boulder (whose grade, V or Font, then
 * ranks as usual). An unlisted route's grade (YDS, French, UIAA, a gym's own) is kept as written
 * and counted as a try, but outside the table, even where its text reads like a boulder grade.
 */
export function inGradeTable(route: LogbookRoute): boolean {
  return route.climbId !== null || route.climb?.kind === 'boulder';
}

/**
 * The grade a try counts at: the climber's `gradeOpinion` when asked for and it is a known grade
 * (in any system, in its canonical spelling), else the route's grade (canonical when known, as
 * stored otherwise). So `soft V5` or an empty opinion counts at the route's grade.
 */
export function gradeOfTry(route: LogbookRoute, source: StatsGradeSource = 'route'): string {
  if (source === 'own') {
    const own = normalizeGrade(route.gradeOpinion);
    if (own !== null) return own;
  }
  return normalizeGrade(route.grade) ?? route.grade;
}
