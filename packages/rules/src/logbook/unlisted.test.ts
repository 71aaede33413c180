import type { UnlistedClimb } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { climbStory } from './climb-story.js';
import { exportCsv } from './export.js';
import { session } from './fixtures.js';
import { summarizeSession } from './session-summary.js';
import { computeStats } from './stats.js';
import type { LogbookSession } from './types.js';

// Climbs in no catalogue: V and Font boulders join the grade table; every other grade is kept as
// written, counted as tries and sends but outside the pyramid and the hardest send.

const PERIOD = {
  from: '2026-01-05T00:00:00.000Z',
  to: '2026-02-02T00:00:00.000Z',
  tz: 'UTC',
  grades: 'route' as const,
};

/** `base` with its routes turned into the unlisted climbs given, one per route. */
function elsewhere(base: LogbookSession, climbs: UnlistedClimb[]): LogbookSession {
  return {
    ...base,
    place: 'Frankenjura',
    routes: base.routes.map((r, i) => {
      const climb = climbs[i]!;
      return { ...r, climbId: null, climb, climbName: climb.name, grade: climb.grade };
    }),
  };
}

const ACTION: UnlistedClimb = { name: 'Action Directe', grade: '9a', kind: 'route' };
const ROOF: UnlistedClimb = { name: 'Roof', grade: 'V7', kind: 'boulder' };
const PINK: UnlistedClimb = { name: 'Pink', grade: 'pink', kind: 'boulder' };
const SLAB: UnlistedClimb = { name: 'Slab', grade: 'V9', kind: 'route' };

describe('unlisted climbs in the logbook', () => {
  const day = (id: string, start: string, sent: boolean[], attempts: number[]) =>
    session(
      id,
      start,
      sent.map((s, i) => ({ climb: 'a', sent: s, attempts: attempts[i] ?? 1 })),
    );

  it('count every try and send, but only V/Font boulders stand in the pyramid and hardest', () => {
    const history = [
      elsewhere(day('s1', '2026-01-10T09:00:00.000Z', [true, true, true, false], [5, 1, 1, 2]), [
        ACTION,
        ROOF,
        PINK,
        SLAB,
      ]),
      // A catalogue climb beside them: as before.
      session('s2', '2026-01-12T18:00:00.000Z', [{ climb: 'b', sent: true }]),
    ];
    const stats = computeStats(history, PERIOD);
    expect(stats).toMatchObject({ tries: 5, attempts: 10, sends: 4, flashes: 3, repeats: 0 });
    expect(stats.pyramid).toEqual([
      { grade: 'V7', flashed: 1, sent: 0, triedOnly: 0 },
      { grade: 'V4', flashed: 1, sent: 0, triedOnly: 0 },
    ]);
    expect(stats.hardestSend).toEqual({
      grade: 'V7',
      climbId: null,
      climbName: 'Roof',
      date: '2026-01-10',
    });
    // The session's own summary counts its four climbs, the same way.
    const summary = summarizeSession(history[0]!, history);
    expect(summary).toMatchObject({ climbs: 4, tries: 4, sends: 3, flashes: 2 });
    expect(summary.grades.map((g) => g.grade)).toEqual(['V7']);
  });

  it('are one climb across sessions by kind, name and grade, ignoring case and blanks', () => {
    const first = elsewhere(day('s1', '2026-01-10T09:00:00.000Z', [false], [3]), [ACTION]);
    const again = elsewhere(day('s2', '2026-01-17T09:00:00.000Z', [true, true], [1, 1]), [
      { ...ACTION, name: '  action  DIRECTE ' },
      { ...ACTION, kind: 'boulder' },
    ]);
    const stats = computeStats([first, again], PERIOD);
    // The second session's send of the same route is no flash; the boulder of that name is.
    expect(stats).toMatchObject({ sends: 2, flashes: 1, repeats: 0 });
    const key = 'u:route:9a:action directe';
    expect(climbStory(key, [first, again]).map((t) => t.sessionId)).toEqual(['s2', 's1']);
  });

  it('are exported with their place and kind, a route grade with no grade system', () => {
    const s = elsewhere(day('s1', '2026-01-10T09:00:00.000Z', [true], [2]), [ACTION]);
    const routes = s.routes.map((r) => ({ ...r, updatedAt: r.loggedAt ?? s.startTime }));
    const exported = exportCsv([{ ...s, routes, notes: null, layoutId: null }], new Map());
    const [, line] = exported.split('\r\n');
    expect(line).toBe(
      's1-r00,s1,2026-01-10T09:01:00.000Z,2026-01-10,,,Action Directe,,9a,,send,true,2,,,,2026-01-10T09:01:00.000Z,,Frankenjura,route',
    );
  });
});
