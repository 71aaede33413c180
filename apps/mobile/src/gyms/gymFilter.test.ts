import type { Layout } from '@sendlog/contract';
import { gymOfLayouts, gymOptions, sessionsAtGym } from './gymFilter';

const wall = (id: string, gymId: string | null): Layout => ({
  id,
  gymId,
  name: id,
  description: '',
  gradeSystem: 'V',
  archived: false,
  climbCount: 0,
  image: null,
});

describe('the gym filter', () => {
  const gyms = gymOfLayouts([wall('a1', 'A'), wall('a2', 'A'), wall('b1', 'B'), wall('old', null)]);
  const sessions = [
    { id: 1, layoutId: 'a1' },
    { id: 2, layoutId: 'b1' },
    { id: 3, layoutId: 'a2' },
    { id: 4, layoutId: null },
    { id: 5, layoutId: 'unknown' },
    { id: 6, layoutId: 'old' },
  ];

  it('keeps a gym’s sessions by their wall’s gym, and every session for all gyms', () => {
    expect(sessionsAtGym(sessions, 'A', gyms).map((s) => s.id)).toEqual([1, 3]);
    expect(sessionsAtGym(sessions, 'B', gyms).map((s) => s.id)).toEqual([2]);
    expect(sessionsAtGym(sessions, null, gyms)).toBe(sessions);
  });

  it('offers gyms by name, and nothing to choose with one gym', () => {
    expect(gymOptions(new Map([['A', { name: 'Zebra' }]]))).toEqual([]);
    expect(
      gymOptions(
        new Map([
          ['A', { name: 'Zebra' }],
          ['B', { name: 'Boulderwerk' }],
        ]),
      ),
    ).toEqual([
      { id: 'B', name: 'Boulderwerk' },
      { id: 'A', name: 'Zebra' },
    ]);
  });
});
