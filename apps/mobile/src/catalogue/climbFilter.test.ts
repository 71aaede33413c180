import type { Climb } from '@sendlog/contract';
import { testClimb } from '../testing/fakeApi';
import { filterClimbs, gradesOf } from './climbFilter';

const climb = (id: string, name: string, grade: string, archived = false): Climb =>
  testClimb({ id, layoutId: 'wall', name, grade, archived });

const CLIMBS = [
  climb('a', 'Crimp School', 'V2'),
  climb('b', 'Dyno Mite', 'V10'),
  climb('c', 'Old Crimp', 'V3', true),
  climb('d', 'Slab Crimp', 'V2'),
];

describe('climb filter', () => {
  it('offers the grades of the climbs still on the wall, in climbing order', () => {
    expect(gradesOf(CLIMBS)).toEqual(['V2', 'V10']);
  });

  it('matches grade and name (any case, trimmed) and never shows archived climbs', () => {
    const ids = (grade: string | null, query: string) =>
      filterClimbs(CLIMBS, { grade, query }).map((c) => c.id);
    expect(ids(null, '')).toEqual(['a', 'b', 'd']);
    expect(ids('V2', '')).toEqual(['a', 'd']);
    expect(ids(null, '  CRIMP ')).toEqual(['a', 'd']);
    expect(ids('V10', 'crimp')).toEqual([]);
  });
});
