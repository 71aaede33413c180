import { climbKeyOf, type ClimbHistoryResponse, type HistoryClimb } from '@sendlog/contract';
import { orderTries } from './tries.js';
import type { LogbookSession } from './types.js';

export interface ClimbStoryTry {
  sessionId: string;
  routeId: string;
  /** The try's moment (`loggedAt`, else its session's start), ISO-8601 in UTC. */
  date: string;
  isSuccess: boolean;
  attempts: number;
  notes: string | null;
  rating: number | null;
  gradeOpinion: string | null;
  isFlash: boolean;
  isRepeat: boolean;
}

/**
 * Every try at one climb outside deleted sessions, newest first (the total order, reversed).
 * `climbId` is a catalogue climb's id or an unlisted climb's key (`climbKeyOf`).
 */
export function climbStory(climbId: string, sessions: readonly LogbookSession[]): ClimbStoryTry[] {
  const mine = sessions.filter((s) => s.routes.some((r) => climbKeyOf(r) === climbId));
  return orderTries(mine)
    .filter((t) => climbKeyOf(t.route) === climbId)
    .reverse()
    .map((t) => ({
      sessionId: t.session.id,
      routeId: t.route.id,
      date: new Date(t.atMs).toISOString(),
      isSuccess: t.route.isSuccess,
      attempts: t.route.attempts,
      notes: t.route.notes,
      rating: t.route.rating,
      gradeOpinion: t.route.gradeOpinion,
      isFlash: t.isFlash,
      isRepeat: t.isRepeat,
    }));
}

/** The `GET /climbs/:id/history` answer for `climb`. */
export function climbHistory(
  climb: HistoryClimb,
  sessions: readonly LogbookSession[],
): ClimbHistoryResponse {
  return {
    climb: { id: climb.id, name: climb.name, grade: climb.grade },
    tries: climbStory(climb.id, sessions).map((t) => ({
      sessionId: t.sessionId,
      date: t.date,
      isSuccess: t.isSuccess,
      attempts: t.attempts,
      notes: t.notes,
      rating: t.rating,
      gradeOpinion: t.gradeOpinion,
    })),
  };
}
