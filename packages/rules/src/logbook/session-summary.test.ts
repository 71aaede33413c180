import { describe, expect, it } from 'vitest';
import { session } from './fixtures.js';
import { summarizeSession } from './session-summary.js';

const earlier = session('s1', '2026-01-06T18:00:00Z', [
  { climb: 'a', attempts: 3 },
  { climb: 'b', sent: true, attempts: 2 },
]);
const today = session(
  's2',
  '2026-01-08T18:00:00Z',
  [
    { climb: 'a', sent: true },
    { climb: 'b', sent: true },
    { climb: 'c', sent: true, own: 'V7' },
    { climb: 'd', attempts: 4 },
    { climb: 'd', attempts: 2 },
  ],
  { endTime: '2026-01-08T19:30:00Z' },
);

describe('session summary', () => {
  it('judges flashes and repeats against the history before it', () => {
    expect(summarizeSession(today, [earlier])).toEqual({
      sessionId: 's2',
      durationMs: 90 * 60_000,
      climbs: 4,
      tries: 5,
      attempts: 9,
      sends: 3,
      flashes: 1,
      repeats: 1,
      hardestSend: { grade: 'V6', climbId: 'c', climbName: 'Climb c' },
      grades: [
        { grade: 'V6', flashed: 1, sent: 0, triedOnly: 0 },
        { grade: 'V4', flashed: 0, sent: 1, triedOnly: 0 },
        { grade: '6A+', flashed: 0, sent: 0, triedOnly: 1 },
        { grade: 'V2', flashed: 0, sent: 1, triedOnly: 0 },
      ],
    });
  });

  it('ignores itself and later sessions in the history, and deleted ones', () => {
    const later = session('s3', '2026-01-10T18:00:00Z', [{ climb: 'c', sent: true }]);
    const deleted = session('s0', '2026-01-01T18:00:00Z', [{ climb: 'c' }], { deleted: true });
    expect(summarizeSession(today, [later, today, earlier, deleted])).toEqual(
      summarizeSession(today, [earlier]),
    );
  });

  it('counts at own grades when asked, and has no duration while active', () => {
    const summary = summarizeSession({ ...today, endTime: null }, [earlier], { grades: 'own' });
    expect(summary.durationMs).toBeNull();
    expect(summary.hardestSend).toEqual({ grade: 'V7', climbId: 'c', climbName: 'Climb c' });
    expect(summarizeSession(session('e', '2026-01-08T18:00:00Z', []), [])).toMatchObject({
      climbs: 0,
      tries: 0,
      hardestSend: null,
      grades: [],
    });
  });
});
