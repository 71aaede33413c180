import type { PyramidRow } from '@sendlog/contract';
import { parseInstant } from './instant.js';
import { Tally } from './tally.js';
import { gradeOfTry, orderTries } from './tries.js';
import type { GradeOptions, LogbookSession } from './types.js';

export interface SessionSummary {
  sessionId: string;
  /** `endTime - startTime`; `null` while the session has not ended. */
  durationMs: number | null;
  /** Distinct climbs tried. */
  climbs: number;
  tries: number;
  attempts: number;
  sends: number;
  flashes: number;
  repeats: number;
  /** `climbId` null: an unlisted boulder. */
  hardestSend: { grade: string; climbId: string | null; climbName: string } | null;
  /** Distinct climbs per grade by their best result in the session, hardest grade first. */
  grades: PyramidRow[];
}

/**
 * The summary of one session, its flashes and repeats judged against `history` (the climber's
 * other sessions; the session itself and later sessions may be in it, only earlier tries count).
 * The session is summarised even when marked deleted; deleted sessions of `history` are ignored.
 */
export function summarizeSession(
  session: LogbookSession,
  history: readonly LogbookSession[],
  options: GradeOptions = {},
): SessionSummary {
  const own: LogbookSession = { ...session, deleted: false };
  const all = [...history.filter((s) => s.id !== session.id), own];
  const tally = new Tally();
  for (const t of orderTries(all)) {
    if (t.session === own) tally.add(t, gradeOfTry(t.route, options.grades));
  }
  const end = session.endTime == null ? null : parseInstant(session.endTime);
  const hardest = tally.hardestSend;
  return {
    sessionId: session.id,
    durationMs: end === null ? null : end - parseInstant(session.startTime),
    climbs: tally.climbs,
    tries: tally.tries,
    attempts: tally.attempts,
    sends: tally.sends,
    flashes: tally.flashes,
    repeats: tally.repeats,
    hardestSend:
      hardest === null
        ? null
        : {
            grade: hardest.grade,
            climbId: hardest.try.route.climbId,
            climbName: hardest.try.route.climbName,
          },
    grades: tally.pyramid(),
  };
}
