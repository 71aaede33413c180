import type { LocalRoute, LocalSession } from '../sync/types';
import { markWords, wallMarksOf } from './wallMarks';

let ids = 0;
const route = (climbId: string, isSuccess: boolean, attempts: number): LocalRoute => ({
  id: `r${++ids}`,
  climbId,
  isSuccess,
  attempts,
  notes: null,
  rating: null,
  gradeOpinion: null,
  loggedAt: `2026-11-0${ids % 9}T10:00:00.000Z`,
  updatedAt: '2026-11-01T10:00:00.000Z',
});
const session = (id: string, routes: LocalRoute[]): LocalSession =>
  ({ id, layoutId: 'wall', routes }) as unknown as LocalSession;

describe('wallMarksOf', () => {
  it('marks sends and tries of the running session apart from sends of earlier ones', () => {
    const before = session('before', [route('blue', true, 2), route('red', false, 3)]);
    const now = session('now', [
      route('green', true, 1),
      route('red', false, 2),
      route('blue', false, 1),
      route('blue', true, 1),
    ]);
    const marks = wallMarksOf([now, before], now);
    expect(marks.get('green')).toEqual({
      sentNow: true,
      triedNow: false,
      attemptsNow: 1,
      sentBefore: false,
    });
    // Tried before without a send is not "sent before".
    expect(marks.get('red')).toEqual({
      sentNow: false,
      triedNow: true,
      attemptsNow: 2,
      sentBefore: false,
    });
    expect(marks.get('blue')).toEqual({
      sentNow: true,
      triedNow: false,
      attemptsNow: 2,
      sentBefore: true,
    });
    expect(markWords(marks.get('blue'))).toBe('sent this session, sent before');
    expect(markWords(marks.get('red'))).toBe('tried this session');
    expect(markWords(marks.get('yellow'))).toBeNull();
  });

  it('without a running session, marks only what was sent before', () => {
    const before = session('before', [route('blue', true, 2)]);
    const marks = wallMarksOf([before], null);
    expect([...marks.keys()]).toEqual(['blue']);
    expect(markWords(marks.get('blue'))).toBe('sent before');
  });
});
