import type { LogbookRoute, LogbookSession } from '../logbook/index.js';

/** Every field of a route that a Progress number or label reads (notes and stars are not). */
function sameRoute(a: LogbookRoute, b: LogbookRoute): boolean {
  return (
    a.id === b.id &&
    a.climbId === b.climbId &&
    a.climbName === b.climbName &&
    a.grade === b.grade &&
    a.gradeOpinion === b.gradeOpinion &&
    a.isSuccess === b.isSuccess &&
    a.attempts === b.attempts &&
    a.loggedAt === b.loggedAt
  );
}

/**
 * Whether two logbook inputs give the same Progress tab. Session notes are saved as they are
 * typed, and each keystroke hands the screens a new list of sessions; comparing the fields that
 * count (one pass, no allocation) costs far less than computing the stats again for nothing.
 */
export function sameForProgress(
  a: readonly LogbookSession[],
  b: readonly LogbookSession[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined || y === undefined) return false;
    if (
      x.id !== y.id ||
      x.startTime !== y.startTime ||
      (x.deleted === true) !== (y.deleted === true) ||
      x.routes.length !== y.routes.length
    ) {
      return false;
    }
    for (let r = 0; r < x.routes.length; r += 1) {
      const p = x.routes[r];
      const q = y.routes[r];
      if (p === undefined || q === undefined || !sameRoute(p, q)) return false;
    }
  }
  return true;
}
