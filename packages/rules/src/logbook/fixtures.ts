import type { LogbookRoute, LogbookSession } from './types.js';

/** The test gym: climb id → its grade. */
export const CLIMB_GRADES: Record<string, string> = {
  a: 'V2',
  b: 'V4',
  c: 'V6',
  d: '6A+',
  e: 'V4',
  x: 'project?',
};

export interface TryInput {
  climb: string;
  sent?: boolean;
  attempts?: number;
  own?: string | null;
  /** `loggedAt`; by default one minute per route after the session's start, `null` for none. */
  at?: string | null;
  notes?: string | null;
  rating?: number | null;
}

const MINUTE = 60_000;

/** A session whose routes are logged one minute apart, in the order given. */
export function session(
  id: string,
  startTime: string,
  tries: readonly TryInput[],
  extra: Partial<Omit<LogbookSession, 'id' | 'startTime' | 'routes'>> = {},
): LogbookSession {
  const startMs = Date.parse(startTime);
  const routes: LogbookRoute[] = tries.map((t, i) => ({
    id: `${id}-r${String(i).padStart(2, '0')}`,
    climbId: t.climb,
    climbName: `Climb ${t.climb}`,
    grade: CLIMB_GRADES[t.climb] ?? '?',
    gradeOpinion: t.own ?? null,
    isSuccess: t.sent ?? false,
    attempts: t.attempts ?? 1,
    notes: t.notes ?? null,
    rating: t.rating ?? null,
    loggedAt: t.at === undefined ? new Date(startMs + (i + 1) * MINUTE).toISOString() : t.at,
  }));
  return { id, startTime, endTime: null, routes, ...extra };
}
