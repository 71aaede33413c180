import { routeFieldsLost, sampleRouteContent } from '@sendlog/contract/testing';
import type { LocalSession } from '../sync/types';
import { CLIMBS } from '../testing/fakeApi';
import { toLogbookSessions, UNKNOWN_CLIMB } from './logbookSessions';

const session = (routes: LocalSession['routes']): LocalSession => ({
  id: 'local-1',
  clientSessionId: 'local-1',
  layoutId: 'wall',
  startTime: '2026-11-20T18:00:00.000Z',
  endTime: null,
  notes: null,
  routes,
  removedRouteIds: [],
  status: 'completed',
  updatedAt: '2026-11-20T18:30:00.000Z',
  localRevision: 3,
  sentRevision: null,
  serverRevision: null,
  serverSessionId: null,
  lastError: null,
  attemptCount: 0,
  nextAttemptAt: null,
});

const route = (id: string, climbId: string) => ({
  id,
  climbId,
  isSuccess: true,
  attempts: 2,
  notes: 'heel hook',
  rating: 4,
  gradeOpinion: 'V3',
  loggedAt: '2026-11-20T18:10:00.000Z',
  updatedAt: '2026-11-20T18:10:00.000Z',
});

describe('toLogbookSessions', () => {
  it('names and grades each route from the catalogue, and keeps what the climber logged', () => {
    const climbs = new Map(CLIMBS.map((c) => [c.id, c]));
    const [mapped] = toLogbookSessions(
      [
        session([
          route('r1', 'c-crimp'),
          route('r2', 'gone'),
          { ...route('r3', 'c-crimp'), grade: 'V1' },
        ]),
      ],
      climbs,
    );
    expect(mapped).toEqual({
      id: 'local-1',
      startTime: '2026-11-20T18:00:00.000Z',
      endTime: null,
      place: null,
      routes: [
        {
          id: 'r1',
          climbId: 'c-crimp',
          climbName: 'Crimp School',
          grade: 'V2',
          gradeOpinion: 'V3',
          isSuccess: true,
          attempts: 2,
          notes: 'heel hook',
          rating: 4,
          loggedAt: '2026-11-20T18:10:00.000Z',
        },
        expect.objectContaining({ id: 'r2', climbName: UNKNOWN_CLIMB, grade: '' }),
        // Synced before Crimp School went from V1 to V2: the grade it was logged at stays.
        expect.objectContaining({ id: 'r3', climbName: 'Crimp School', grade: 'V1' }),
      ],
    });
  });

  it('keeps every declared route field (a field added to the contract included)', () => {
    const content = sampleRouteContent();
    const [mapped] = toLogbookSessions(
      [session([{ id: 'r1', ...content, updatedAt: content.loggedAt }])],
      new Map(),
    );
    expect(routeFieldsLost(content, mapped?.routes[0] ?? {})).toEqual([]);
  });
});
