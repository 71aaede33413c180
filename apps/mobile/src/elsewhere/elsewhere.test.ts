import type { LocalSession } from '../sync/types';
import { recentPlaces } from './recentPlaces';
import { EMPTY_DRAFT, unlistedClimbOf } from './unlistedClimbDraft';

const session = (id: string, startTime: string, place?: string | null): LocalSession =>
  ({ id, startTime, place, layoutId: place == null ? 'L1' : null }) as unknown as LocalSession;

describe('recent places', () => {
  it('lists the places of sessions elsewhere, newest first, each once, at most five', () => {
    const sessions = [
      session('a', '2026-11-01T10:00:00Z', 'Smith Rock'),
      session('b', '2026-11-08T10:00:00Z', 'Fontainebleau'),
      session('c', '2026-11-09T10:00:00Z'),
      session('d', '2026-11-10T10:00:00Z', ' smith  rock '),
      session('e', '2026-11-11T10:00:00Z', '  '),
      ...['P1', 'P2', 'P3', 'P4'].map((p, i) => session(p, `2026-10-0${i + 1}T10:00:00Z`, p)),
    ];
    expect(recentPlaces(sessions)).toEqual(['smith  rock', 'Fontainebleau', 'P4', 'P3', 'P2']);
    expect(recentPlaces([])).toEqual([]);
  });
});

describe('a climb not on the wall', () => {
  it('needs a name and a grade, trimmed, within the limits', () => {
    expect(unlistedClimbOf(EMPTY_DRAFT)).toEqual({
      errors: { name: 'Give the climb a name.', grade: 'Pick a grade.' },
    });
    expect(unlistedClimbOf({ ...EMPTY_DRAFT, source: 'other', name: 'x'.repeat(201) })).toEqual({
      errors: { name: 'At most 200 characters.', grade: 'Type its grade.' },
    });
    expect(
      unlistedClimbOf({
        name: ' Chain Reaction ',
        kind: 'route',
        source: 'other',
        grade: '5.12c ',
      }),
    ).toEqual({ climb: { name: 'Chain Reaction', grade: '5.12c', kind: 'route' } });
    expect(unlistedClimbOf({ ...EMPTY_DRAFT, name: 'Roof', grade: 'V5' })).toEqual({
      climb: { name: 'Roof', grade: 'V5', kind: 'boulder' },
    });
  });
});
