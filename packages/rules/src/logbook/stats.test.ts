import { statsResponseSchema } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { session } from './fixtures.js';
import { computeStats, type StatsOptions } from './stats.js';

const JANUARY: StatsOptions = {
  from: '2026-01-05T00:00:00.000Z',
  to: '2026-02-02T00:00:00.000Z',
  tz: 'UTC',
  grades: 'route',
};

describe('stats of hand-built histories', () => {
  it('an empty history has zeros, and every week of the period', () => {
    const stats = computeStats([], JANUARY);
    expect(stats).toEqual({
      period: { from: JANUARY.from, to: JANUARY.to },
      sessions: 0,
      climbingDays: 0,
      tries: 0,
      attempts: 0,
      sends: 0,
      flashes: 0,
      repeats: 0,
      hardestSend: null,
      hardestFlash: null,
      pyramid: [],
      weeks: ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26'].map((weekStart) => ({
        weekStart,
        sessions: 0,
        attempts: 0,
        sends: 0,
      })),
    });
    expect(statsResponseSchema.parse(stats)).toEqual(stats);
  });

  it('a one-attempt send after a failed session before the period is a send, not a flash', () => {
    const stats = computeStats(
      [
        session('s1', '2025-12-20T18:00:00Z', [{ climb: 'a', attempts: 3 }]),
        session('s2', '2026-01-06T18:00:00Z', [{ climb: 'a', sent: true, attempts: 1 }]),
      ],
      JANUARY,
    );
    expect(stats).toMatchObject({ sessions: 1, tries: 1, sends: 1, flashes: 0, repeats: 0 });
    expect(stats.pyramid).toEqual([{ grade: 'V2', flashed: 0, sent: 1, triedOnly: 0 }]);
    expect(stats.hardestFlash).toBeNull();
    expect(stats.hardestSend).toEqual({
      grade: 'V2',
      climbId: 'a',
      climbName: 'Climb a',
      date: '2026-01-06',
    });
  });

  it('an earlier try in the same session spoils the flash too', () => {
    const stats = computeStats(
      [
        session('s1', '2026-01-06T18:00:00Z', [
          { climb: 'a', attempts: 2 },
          { climb: 'a', sent: true, attempts: 1 },
          { climb: 'b', sent: true, attempts: 1 },
        ]),
      ],
      JANUARY,
    );
    expect(stats).toMatchObject({ tries: 3, attempts: 4, sends: 2, flashes: 1, repeats: 0 });
    expect(stats.pyramid).toEqual([
      { grade: 'V4', flashed: 1, sent: 0, triedOnly: 0 },
      { grade: 'V2', flashed: 0, sent: 1, triedOnly: 0 },
    ]);
    expect(stats.hardestFlash?.climbId).toBe('b');
  });

  it('a deleted session is no earlier try', () => {
    const stats = computeStats(
      [
        session('s0', '2026-01-05T18:00:00Z', [{ climb: 'a', attempts: 5 }], { deleted: true }),
        session('s1', '2026-01-06T18:00:00Z', [{ climb: 'a', sent: true }]),
      ],
      JANUARY,
    );
    expect(stats).toMatchObject({ sessions: 1, tries: 1, flashes: 1, sends: 1 });
  });

  it('a repeat is a send but adds no pyramid count', () => {
    const stats = computeStats(
      [
        session('s0', '2025-11-01T18:00:00Z', [{ climb: 'c', sent: true, attempts: 4 }]),
        session('s1', '2026-01-06T18:00:00Z', [
          { climb: 'b', sent: true, attempts: 2 },
          { climb: 'a', sent: true },
          { climb: 'c', sent: true, attempts: 2 },
        ]),
        session('s2', '2026-01-08T18:00:00Z', [
          { climb: 'b', sent: true },
          { climb: 'a', sent: true },
          { climb: 'd' },
        ]),
      ],
      JANUARY,
    );
    expect(stats).toMatchObject({
      sessions: 2,
      climbingDays: 2,
      tries: 6,
      sends: 5,
      flashes: 1,
      repeats: 3,
    });
    expect(stats.pyramid).toEqual([
      { grade: 'V6', flashed: 0, sent: 1, triedOnly: 0 },
      { grade: 'V4', flashed: 0, sent: 1, triedOnly: 0 },
      { grade: '6A+', flashed: 0, sent: 0, triedOnly: 1 },
      { grade: 'V2', flashed: 1, sent: 0, triedOnly: 0 },
    ]);
    expect(stats.hardestSend?.climbId).toBe('c');
    expect(stats.hardestFlash?.climbId).toBe('a');
    expect(stats.weeks[0]).toEqual({ weekStart: '2026-01-05', sessions: 2, attempts: 8, sends: 5 });
  });

  it("counts at the climber's own grade when asked, else at the route grade", () => {
    const history = [
      session('s1', '2026-01-06T18:00:00Z', [
        { climb: 'b', sent: true, attempts: 2, own: 'v5' },
        { climb: 'a', sent: true, own: 'soft V3' },
        { climb: 'e', own: '6c' },
        { climb: 'x', sent: true },
      ]),
    ];
    const byRoute = computeStats(history, JANUARY);
    const byOwn = computeStats(history, { ...JANUARY, grades: 'own' });
    expect(byRoute.pyramid.map((r) => r.grade)).toEqual(['V4', 'V2', 'project?']);
    expect(byRoute.pyramid[0]).toEqual({ grade: 'V4', flashed: 0, sent: 1, triedOnly: 1 });
    expect(byOwn.pyramid.map((r) => r.grade)).toEqual(['V5', '6C', 'V2', 'project?']);
    expect(byRoute.hardestSend?.grade).toBe('V4');
    expect(byOwn.hardestSend?.grade).toBe('V5');
    // A climb without a grade of the table is never the hardest.
    expect(byOwn.hardestFlash).toMatchObject({ grade: 'V2', climbId: 'a' });
    const { pyramid: _a, hardestSend: _b, hardestFlash: _c, ...countsByRoute } = byRoute;
    const { pyramid: _d, hardestSend: _e, hardestFlash: _f, ...countsByOwn } = byOwn;
    expect(countsByOwn).toEqual(countsByRoute);
  });

  it('places a climb at the grade of its earliest best try', () => {
    const stats = computeStats(
      [
        session('s1', '2026-01-06T18:00:00Z', [
          { climb: 'b', own: 'V3' },
          { climb: 'b', sent: true, attempts: 2, own: 'V5' },
          { climb: 'b', sent: true, own: 'V6' },
        ]),
      ],
      { ...JANUARY, grades: 'own' },
    );
    expect(stats.pyramid).toEqual([{ grade: 'V5', flashed: 0, sent: 1, triedOnly: 0 }]);
    expect(stats.hardestSend?.grade).toBe('V6');
  });

  it('ties for the hardest go to the earliest try, by the total order', () => {
    const stats = computeStats(
      [
        session('s2', '2026-01-07T18:00:00Z', [{ climb: 'e', sent: true }]),
        session('s1', '2026-01-06T18:00:00Z', [
          { climb: 'b', sent: true, attempts: 3, at: null },
          { climb: 'a', sent: true, at: null },
        ]),
      ],
      JANUARY,
    );
    expect(stats.hardestSend).toMatchObject({ climbId: 'b', date: '2026-01-06' });
    expect(stats.hardestFlash).toMatchObject({ climbId: 'e', date: '2026-01-07' });
  });

  it('takes from inclusive and to exclusive, by session start', () => {
    const stats = computeStats(
      [
        session('s1', JANUARY.from, [{ climb: 'a', sent: true }]),
        session('s2', JANUARY.to, [{ climb: 'b', sent: true }]),
        // Starts inside; its route logged after the end still counts with its session.
        session('s3', '2026-02-01T23:50:00Z', [{ climb: 'c', at: '2026-02-02T00:20:00Z' }]),
      ],
      JANUARY,
    );
    expect(stats).toMatchObject({ sessions: 2, tries: 2, sends: 1 });
    expect(stats.weeks.at(-1)).toEqual({
      weekStart: '2026-01-26',
      sessions: 1,
      attempts: 1,
      sends: 0,
    });
  });

  it('a try late on Sunday in UTC is on Monday, in the next week, in Berlin', () => {
    const history = [
      session('s1', '2026-01-11T23:30:00Z', [{ climb: 'b', sent: true, attempts: 2 }]),
    ];
    const period = { ...JANUARY, from: '2026-01-05T00:00:00Z', to: '2026-01-19T00:00:00Z' };
    const utc = computeStats(history, period);
    const berlin = computeStats(history, { ...period, tz: 'Europe/Berlin' });
    expect(utc.weeks).toEqual([
      { weekStart: '2026-01-05', sessions: 1, attempts: 2, sends: 1 },
      { weekStart: '2026-01-12', sessions: 0, attempts: 0, sends: 0 },
    ]);
    // The period runs from Monday 01:00 to Monday 01:00 in Berlin: three weeks touched.
    expect(berlin.weeks).toEqual([
      { weekStart: '2026-01-05', sessions: 0, attempts: 0, sends: 0 },
      { weekStart: '2026-01-12', sessions: 1, attempts: 2, sends: 1 },
      { weekStart: '2026-01-19', sessions: 0, attempts: 0, sends: 0 },
    ]);
    expect(utc.hardestSend?.date).toBe('2026-01-11');
    expect(berlin.hardestSend?.date).toBe('2026-01-12');
  });

  it('counts local days and weeks right across both summer-time changes', () => {
    const tz = 'Europe/Berlin';
    const spring = computeStats(
      [
        session('s1', '2026-03-29T00:30:00Z', [{ climb: 'a' }]), // Sun 01:30 CET
        session('s2', '2026-03-29T21:30:00Z', [{ climb: 'a' }]), // Sun 23:30 CEST
        session('s3', '2026-03-29T22:30:00Z', [{ climb: 'a', sent: true }]), // Mon 00:30 CEST
      ],
      { from: '2026-03-22T23:00:00Z', to: '2026-04-05T22:00:00Z', tz, grades: 'route' },
    );
    expect(spring).toMatchObject({ sessions: 3, climbingDays: 2 });
    expect(spring.weeks).toEqual([
      { weekStart: '2026-03-23', sessions: 2, attempts: 2, sends: 0 },
      { weekStart: '2026-03-30', sessions: 1, attempts: 1, sends: 1 },
    ]);
    expect(spring.hardestSend?.date).toBe('2026-03-30');

    const autumn = computeStats(
      [
        session('s1', '2026-10-25T00:30:00Z', [{ climb: 'a' }]), // Sun 02:30 CEST
        session('s2', '2026-10-25T01:30:00Z', [{ climb: 'a' }]), // Sun 02:30 CET, again
        session('s3', '2026-10-25T22:30:00Z', [{ climb: 'a' }]), // Sun 23:30 CET
        session('s4', '2026-10-25T23:15:00Z', [{ climb: 'a' }]), // Mon 00:15 CET
      ],
      { from: '2026-10-18T22:00:00Z', to: '2026-11-01T23:00:00Z', tz, grades: 'route' },
    );
    expect(autumn).toMatchObject({ sessions: 4, climbingDays: 2 });
    expect(autumn.weeks.map((w) => [w.weekStart, w.sessions])).toEqual([
      ['2026-10-19', 3],
      ['2026-10-26', 1],
    ]);
  });

  it('gives the same answer whatever order the sessions and routes come in', () => {
    const history = [
      session('s1', '2026-01-06T18:00:00Z', [{ climb: 'a' }, { climb: 'b', sent: true }]),
      session('s2', '2026-01-06T18:00:00Z', [{ climb: 'a', sent: true }, { climb: 'b' }], {
        endTime: '2026-01-06T20:00:00Z',
      }),
    ];
    const shuffled = history.map((s) => ({ ...s, routes: [...s.routes].reverse() })).reverse();
    expect(computeStats(shuffled, JANUARY)).toEqual(computeStats(history, JANUARY));
  });
});
