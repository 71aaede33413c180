import type { LocalRoute, LocalSession } from '../sync/types';
import { climbKeyOf } from '@sendlog/contract';

export interface SendRecord {
  /** Per climb: "Flash" when the first route ever logged on it was sent first try, else "Sent". */
  badges: ReadonlyMap<string, 'Sent' | 'Flash'>;
  /** Routes that are flashes: sent first try on a climb never tried before them. */
  flashes: ReadonlySet<string>;
}

/** What the climber has sent, over the given sessions (a history, newest first or not). */
export function sendRecordOf(sessions: readonly LocalSession[]): SendRecord {
  // A try logged earlier (even unsent, even in another session) means a later send is no flash.
  // Runs on every store change over the whole history, so times are compared as text where that
  // is exact (see earlier).
  const first = new Map<string, LocalRoute>();
  const sent = new Set<string>();
  for (const session of sessions) {
    for (const route of session.routes) {
      // By the climb's identity: an unlisted climb's key never matches a wall's climb id.
      const climb = climbKeyOf(route);
      const known = first.get(climb);
      if (!known || earlier(route.loggedAt, known.loggedAt)) first.set(climb, route);
      if (route.isSuccess) sent.add(climb);
    }
  }
  const badges = new Map<string, 'Sent' | 'Flash'>();
  const flashes = new Set<string>();
  for (const [climbId, route] of first) {
    if (route.isSuccess && route.attempts === 1) {
      badges.set(climbId, 'Flash');
      flashes.add(route.id);
    } else if (sent.has(climbId)) badges.set(climbId, 'Sent');
  }
  return { badges, flashes };
}

/**
 * UTC `toISOString` text (what the store writes when a route is logged or pulled) sorts as time;
 * a first-design import may keep an offset, which only parsing orders right.
 */
function earlier(a: string, b: string): boolean {
  const utc = (t: string) => t.length === 24 && t.endsWith('Z');
  return utc(a) && utc(b) ? a < b : Date.parse(a) < Date.parse(b);
}
