import { climbHistoryResponseSchema } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { climbHistory, climbStory } from './climb-story.js';
import { session } from './fixtures.js';

const history = [
  session('s2', '2026-01-08T18:00:00Z', [
    { climb: 'b', sent: true, attempts: 1, notes: 'finally', rating: 4, own: 'soft V4' },
    { climb: 'a', sent: true },
    { climb: 'b', sent: true, attempts: 1 },
  ]),
  session('s1', '2026-01-06T18:00:00Z', [{ climb: 'b', attempts: 3, at: null }]),
  session('s0', '2026-01-07T18:00:00Z', [{ climb: 'b', sent: true }], { deleted: true }),
];

describe("a climb's story", () => {
  it('tells every try at one climb, newest first, with flashes and repeats', () => {
    expect(climbStory('b', history)).toEqual([
      {
        sessionId: 's2',
        routeId: 's2-r02',
        date: '2026-01-08T18:03:00.000Z',
        isSuccess: true,
        attempts: 1,
        notes: null,
        rating: null,
        gradeOpinion: null,
        isFlash: false,
        isRepeat: true,
      },
      {
        sessionId: 's2',
        routeId: 's2-r00',
        date: '2026-01-08T18:01:00.000Z',
        isSuccess: true,
        attempts: 1,
        notes: 'finally',
        rating: 4,
        gradeOpinion: 'soft V4',
        isFlash: false,
        isRepeat: false,
      },
      {
        sessionId: 's1',
        routeId: 's1-r00',
        date: '2026-01-06T18:00:00.000Z',
        isSuccess: false,
        attempts: 3,
        notes: null,
        rating: null,
        gradeOpinion: null,
        isFlash: false,
        isRepeat: false,
      },
    ]);
    expect(climbStory('a', history).map((t) => t.isFlash)).toEqual([true]);
    expect(climbStory('zzz', history)).toEqual([]);
  });

  it('answers GET /climbs/:id/history in the contract shape', () => {
    const answer = climbHistory({ id: 'b', name: 'Climb b', grade: 'V4' }, history);
    expect(climbHistoryResponseSchema.strict().parse(answer)).toEqual(answer);
    expect(answer.tries.map((t) => [t.sessionId, t.attempts])).toEqual([
      ['s2', 1],
      ['s2', 1],
      ['s1', 3],
    ]);
    expect(Object.keys(answer.tries[0]!).sort()).toEqual(
      ['attempts', 'date', 'gradeOpinion', 'isSuccess', 'notes', 'rating', 'sessionId'].sort(),
    );
  });
});
