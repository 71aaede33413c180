import { describe, expect, it } from 'vitest';
import type { LogbookSession } from '../logbook/index.js';
import { sameForProgress } from './sameForProgress.js';

const session = (patch: Partial<LogbookSession> = {}, routePatch = {}): LogbookSession => ({
  id: 's1',
  startTime: '2026-01-06T18:00:00.000Z',
  endTime: null,
  routes: [
    {
      id: 'r1',
      climbId: 'c1',
      climbName: 'Crimp School',
      grade: 'V2',
      gradeOpinion: null,
      isSuccess: true,
      attempts: 1,
      notes: null,
      rating: null,
      loggedAt: '2026-01-06T18:01:00.000Z',
      ...routePatch,
    },
  ],
  ...patch,
});

describe('sameForProgress', () => {
  it('ignores what no chart reads: end time, route notes and stars', () => {
    expect(sameForProgress([session()], [session({ endTime: '2026-01-06T20:00:00.000Z' })])).toBe(
      true,
    );
    expect(sameForProgress([session()], [session({}, { notes: 'heel hook', rating: 4 })])).toBe(
      true,
    );
  });

  it('sees every change that moves a number or a label', () => {
    const changes: [Partial<LogbookSession>, object][] = [
      [{ startTime: '2026-01-07T18:00:00.000Z' }, {}],
      [{ deleted: true }, {}],
      [{ routes: [] }, {}],
      [{}, { isSuccess: false }],
      [{}, { attempts: 2 }],
      [{}, { gradeOpinion: 'V4' }],
      [{}, { grade: 'V3' }],
      [{}, { climbName: 'Renamed' }],
      [{}, { climbId: 'c2' }],
      [{}, { loggedAt: '2026-01-06T18:02:00.000Z' }],
    ];
    for (const [patch, routePatch] of changes) {
      expect(sameForProgress([session()], [session(patch, routePatch)])).toBe(false);
    }
    expect(sameForProgress([session()], [session(), session({ id: 's2' })])).toBe(false);
  });
});
