import type { LocalSession } from '../sync/types';
import { sendRecordOf } from './sendRecord';
import { climbKeyOf } from '@sendlog/contract';

/** What a climb's dot and row say about the climber's own logs, besides its grade and colour. */
export interface WallMark {
  /** Sent in the running session. */
  sentNow: boolean;
  /** Logged in the running session without a send (yet). */
  triedNow: boolean;
  /** Attempts on it in the running session, sent or not. */
  attemptsNow: number;
  /** Sent in an earlier session. */
  sentBefore: boolean;
}

const NO_MARK: WallMark = { sentNow: false, triedNow: false, attemptsNow: 0, sentBefore: false };

/**
 * Per climb, what the running session did on it and whether it was sent before: the wall picture
 * draws it (a tick, an attempt count, a ring) and the rows say it in words. `running` is the
 * session on this wall, null when none runs; `sessions` every session on the device.
 */
export function wallMarksOf(
  sessions: readonly LocalSession[],
  running: LocalSession | null,
): ReadonlyMap<string, WallMark> {
  const earlier = sendRecordOf(sessions.filter((s) => s.id !== running?.id)).badges;
  const marks = new Map<string, WallMark>();
  const markOf = (climbId: string) => marks.get(climbId) ?? { ...NO_MARK };
  for (const climbId of earlier.keys())
    marks.set(climbId, { ...markOf(climbId), sentBefore: true });
  for (const route of running?.routes ?? []) {
    const climbId = climbKeyOf(route);
    const mark = markOf(climbId);
    const sentNow = mark.sentNow || route.isSuccess;
    marks.set(climbId, {
      ...mark,
      sentNow,
      triedNow: !sentNow,
      attemptsNow: mark.attemptsNow + route.attempts,
    });
  }
  return marks;
}

/** "sent this session", "tried this session", "sent before": a mark in words, or null. */
export function markWords(mark: WallMark | undefined): string | null {
  if (!mark) return null;
  const parts = [
    mark.sentNow ? 'sent this session' : mark.triedNow ? 'tried this session' : null,
    mark.sentBefore ? 'sent before' : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}
