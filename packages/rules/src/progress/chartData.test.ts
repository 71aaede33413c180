import { describe, expect, it } from 'vitest';
import type { LogbookRoute, LogbookSession } from '../logbook/index.js';
import { computeProgress, progressCharts } from './chartData.js';
import { currentWeekStart, progressStatsOptions } from './period.js';
import { countAxis, labelledIndexes, shortDate } from './scale.js';

const GRADES: Record<string, string> = {
  a: 'V2',
  b: 'V4',
  c: 'V6',
  d: '6A+',
  e: '6A',
  f: 'V3',
  x: 'blue circuit',
};

interface TryInput {
  climb: string;
  sent?: boolean;
  attempts?: number;
  own?: string;
}

/** A session of tries logged a minute apart, each climb graded by GRADES. */
function session(id: string, startTime: string, tries: TryInput[]): LogbookSession {
  const startMs = Date.parse(startTime);
  const routes: LogbookRoute[] = tries.map((t, i) => ({
    id: `${id}-${i}`,
    climbId: t.climb,
    climbName: `Climb ${t.climb}`,
    grade: GRADES[t.climb] ?? '',
    gradeOpinion: t.own ?? null,
    isSuccess: t.sent ?? false,
    attempts: t.attempts ?? 1,
    notes: null,
    rating: null,
    loggedAt: new Date(startMs + (i + 1) * 60_000).toISOString(),
  }));
  return { id, startTime: new Date(startMs).toISOString(), endTime: null, routes };
}

/** Four ISO weeks, Monday 5 Jan 2026 to Monday 2 Feb 2026, in UTC. */
const JANUARY = {
  from: '2026-01-05T00:00:00.000Z',
  to: '2026-02-02T00:00:00.000Z',
  tz: 'UTC',
  grades: 'route' as const,
};

/**
 * Week 1: a flashed (V2), b tried 3 times (V4). Week 3: b sent in 2 (a send, not a flash),
 * c tried (V6), a sent again (a repeat, counted once on the pyramid, as a flash).
 */
const HISTORY = [
  session('s1', '2026-01-06T18:00:00Z', [
    { climb: 'a', sent: true },
    { climb: 'b', attempts: 3 },
  ]),
  session('s2', '2026-01-20T18:00:00Z', [
    { climb: 'b', sent: true, attempts: 2 },
    { climb: 'c', attempts: 4 },
    { climb: 'a', sent: true },
  ]),
];

const WIDTH = 320;

describe('the Progress charts of a hand-built history (V climber)', () => {
  const charts = progressCharts(computeProgress(HISTORY, JANUARY), 'V', WIDTH);

  it('headline: sessions, sends (the repeat too), the one flash, the hardest send', () => {
    expect(charts.empty).toBe(false);
    expect(charts.headline).toEqual({
      sessions: 2,
      sends: 3,
      flashes: 1,
      hardestSend: { grade: 'V4', climbName: 'Climb b', date: '2026-01-20' },
    });
  });

  it('pyramid: each climb once at its best result, hardest on top, empty grades between kept', () => {
    const { bars } = charts.pyramid;
    expect(bars.map((b) => [b.label, b.flashed, b.sent, b.triedOnly])).toEqual([
      ['V6', 0, 0, 1],
      ['V5', 0, 0, 0],
      ['V4', 0, 1, 0],
      ['V3', 0, 0, 0],
      ['V2', 1, 0, 0],
    ]);
    expect(charts.pyramid.summary).toBe(
      'Grade pyramid, climbs by best result, hardest first. ' +
        'V6: 0 flashed, 0 sent, 1 tried only; V4: 0 flashed, 1 sent, 0 tried only; ' +
        'V2: 1 flashed, 0 sent, 0 tried only.',
    );
  });

  it('pyramid geometry: rows top to bottom, bars from the axis, widths on one count scale', () => {
    const p = charts.pyramid;
    expect(p.axis).toEqual({ max: 1, ticks: [0, 1] });
    expect(p.bars.map((b) => b.y)).toEqual([4, 30, 56, 82, 108]);
    const plotWidth = p.plotRight - p.plotLeft;
    expect(p.plotLeft).toBe(48);
    expect(p.plotRight).toBe(WIDTH - 32);
    for (const bar of p.bars) {
      expect(bar.segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(
        (bar.total / p.axis.max) * plotWidth,
      );
      expect(bar.segments[0]?.x ?? p.plotLeft).toBe(p.plotLeft);
    }
    expect(p.xTicks).toEqual([
      { value: 0, x: 48 },
      { value: 1, x: WIDTH - 32 },
    ]);
    expect(p.axisY).toBe(5 * 26);
    expect(p.height).toBe(5 * 26 + 22);
  });

  it('activity: every week of the period, the empty ones as zeros in place', () => {
    const { columns } = charts.activity;
    expect(columns.map((c) => [c.weekStart, c.sessions, c.attempts, c.sends])).toEqual([
      ['2026-01-05', 1, 4, 1],
      ['2026-01-12', 0, 0, 0],
      ['2026-01-19', 1, 7, 2],
      ['2026-01-26', 0, 0, 0],
    ]);
    // Equal slots across the plot; an empty week has bars of no height on the baseline.
    const slot = (charts.activity.plotRight - charts.activity.plotLeft) / 4;
    expect(columns[1]!.x - columns[0]!.x).toBeCloseTo(slot);
    expect(columns[1]!.attemptsBar).toEqual({ y: charts.activity.climbing.bottom, height: 0 });
    // 7 attempts on a 0–8 axis in steps of 2.
    expect(charts.activity.climbing.axis).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(columns[2]!.attemptsBar.height).toBeCloseTo((7 / 8) * 120);
    expect(columns[2]!.sendsBar.height).toBeCloseTo((2 / 8) * 120);
    expect(charts.activity.summary).toBe(
      'Activity per week, 4 weeks. week of 5 Jan 2026: 1 session, 4 attempts, 1 send; ' +
        'week of 19 Jan 2026: 1 session, 7 attempts, 2 sends. No sessions in the other 2 weeks.',
    );
  });

  it('hardest send: a point per week with a send, the best so far as a step line', () => {
    const h = charts.hardest;
    expect(h.points.map((p) => [p.weekStart, p.grade])).toEqual([
      ['2026-01-05', 'V2'],
      ['2026-01-19', 'V4'],
    ]);
    // Grades V1 … V5 on the axis (one below the easiest, one above the hardest send).
    expect(h.yTicks.map((t) => t.grade)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    expect(h.yTicks[0]!.y).toBe(h.plotBottom);
    expect(h.points[0]!.y).toBe(h.yTicks[1]!.y);
    expect(h.points[1]!.y).toBe(h.yTicks[3]!.y);
    expect(h.points[1]!.y).toBeLessThan(h.points[0]!.y);
    const [first, second] = h.points;
    const x3 = h.plotLeft + 3.5 * ((h.plotRight - h.plotLeft) / 4);
    expect(h.bestSoFarPath).toBe(
      `M${first!.x} ${first!.y}H${second!.x}V${second!.y}H${Math.round(x3 * 10) / 10}`,
    );
  });

  it('send rate: sends of tries per grade, hardest first, only grades tried', () => {
    expect(charts.sendRate.bars.map((b) => [b.label, b.sends, b.tries, b.percent])).toEqual([
      ['V6', 0, 1, 0],
      ['V4', 1, 2, 50],
      ['V2', 2, 2, 100],
    ]);
    const plotWidth = charts.sendRate.plotRight - charts.sendRate.plotLeft;
    expect(charts.sendRate.bars.map((b) => b.width)).toEqual([0, plotWidth / 2, plotWidth]);
    expect(charts.sendRate.xTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe('grades in the climber’s system', () => {
  // V3 stands for 6A/6A+: a Font climber sees a V3 climb as 6A (as everywhere in the app).
  const history = [
    session('s1', '2026-01-06T18:00:00Z', [
      { climb: 'f', sent: true },
      { climb: 'e', sent: true, attempts: 2 },
      { climb: 'd', attempts: 2 },
      { climb: 'c' },
      { climb: 'x', sent: true },
    ]),
  ];
  const numbers = computeProgress(history, JANUARY);

  it('a Font climber: V3 joins the 6A row, V6 shows as 7A, the gap rows are Font grades', () => {
    const charts = progressCharts(numbers, 'Font', WIDTH);
    expect(charts.pyramid.bars.map((b) => [b.label, b.flashed, b.sent, b.triedOnly])).toEqual([
      ['7A', 0, 0, 1],
      ['6C+', 0, 0, 0],
      ['6C', 0, 0, 0],
      ['6B+', 0, 0, 0],
      ['6B', 0, 0, 0],
      ['6A+', 0, 0, 1],
      ['6A', 1, 1, 0],
      // A gym's own grade is no grade of the table: last, as written.
      ['blue circuit', 1, 0, 0],
    ]);
    expect(charts.pyramid.bars.at(-1)?.axisLabel).toBe('blue …');
    expect(charts.sendRate.bars.map((b) => [b.label, b.sends, b.tries])).toEqual([
      ['7A', 0, 1],
      ['6A+', 0, 1],
      ['6A', 2, 2],
      ['blue circuit', 1, 1],
    ]);
    expect(charts.hardest.points.map((p) => p.grade)).toEqual(['6A']);
    expect(charts.headline.hardestSend?.grade).toBe('6A');
  });

  it('a V climber: 6A and 6A+ are both V3, so several Font rows become one', () => {
    const charts = progressCharts(numbers, 'V', WIDTH);
    expect(charts.pyramid.bars.map((b) => [b.label, b.flashed, b.sent, b.triedOnly])).toEqual([
      ['V6', 0, 0, 1],
      ['V5', 0, 0, 0],
      ['V4', 0, 0, 0],
      ['V3', 1, 1, 1],
      ['blue circuit', 1, 0, 0],
    ]);
  });

  it('own grades: a known opinion counts, free text falls back to the route grade', () => {
    const own = computeProgress(
      [
        session('s1', '2026-01-06T18:00:00Z', [
          { climb: 'a', sent: true, own: ' v5 ' },
          { climb: 'b', sent: true, own: 'soft' },
        ]),
      ],
      { ...JANUARY, grades: 'own' },
    );
    const charts = progressCharts(own, 'V', WIDTH);
    expect(charts.pyramid.bars.map((b) => b.label)).toEqual(['V5', 'V4']);
    expect(charts.hardest.points.map((p) => p.grade)).toEqual(['V5']);
  });
});

describe('an empty period', () => {
  const before = [session('s0', '2025-11-03T18:00:00Z', [{ climb: 'a', sent: true }])];
  const charts = progressCharts(computeProgress(before, JANUARY), 'V', WIDTH);

  it('is marked empty, with no bars, no points and summaries that say so', () => {
    expect(charts.empty).toBe(true);
    expect(charts.headline).toEqual({ sessions: 0, sends: 0, flashes: 0, hardestSend: null });
    expect(charts.pyramid.bars).toEqual([]);
    expect(charts.pyramid.summary).toBe('Grade pyramid: no climbs in this period.');
    expect(charts.activity.columns).toHaveLength(4);
    expect(charts.activity.summary).toBe('Activity per week, 4 weeks: no sessions.');
    expect(charts.hardest.points).toEqual([]);
    expect(charts.hardest.bestSoFarPath).toBe('');
    expect(charts.sendRate.bars).toEqual([]);
  });
});

describe('weeks in the climber’s time zone', () => {
  it('a Sunday-night session in UTC is Monday in Berlin: next week there', () => {
    const late = [session('s1', '2026-01-11T23:30:00Z', [{ climb: 'a', sent: true }])];
    const utc = progressCharts(computeProgress(late, JANUARY), 'V', WIDTH);
    expect(utc.activity.columns.map((c) => c.sessions)).toEqual([1, 0, 0, 0]);
    const berlin = computeProgress(late, {
      ...JANUARY,
      from: '2026-01-04T23:00:00.000Z',
      to: '2026-02-01T23:00:00.000Z',
      tz: 'Europe/Berlin',
    });
    const charts = progressCharts(berlin, 'V', WIDTH);
    expect(charts.activity.columns.map((c) => [c.weekStart, c.sessions])).toEqual([
      ['2026-01-05', 0],
      ['2026-01-12', 1],
      ['2026-01-19', 0],
      ['2026-01-26', 0],
    ]);
    expect(berlin.tally.hardestByWeek).toEqual([null, 'V2', null, null]);
  });
});

describe('periods', () => {
  const now = Date.parse('2026-01-21T10:00:00Z'); // a Wednesday
  const thisWeek = currentWeekStart(now, 'Europe/Berlin');
  const context = { thisWeek, tz: 'Europe/Berlin', grades: 'route' as const, sessions: HISTORY };

  it('whole ISO weeks in the zone, up to the Monday after this week', () => {
    expect(progressStatsOptions('weeks4', context)).toEqual({
      from: '2025-12-28T23:00:00.000Z',
      to: '2026-01-25T23:00:00.000Z',
      tz: 'Europe/Berlin',
      grades: 'route',
    });
    const twelve = progressStatsOptions('weeks12', context);
    expect(twelve.from).toBe('2025-11-02T23:00:00.000Z');
    const year = computeProgress(HISTORY, progressStatsOptions('year', context));
    expect(year.stats.weeks).toHaveLength(52);
  });

  it('"all" starts at the week of the first session and keeps a future-dated one', () => {
    const sessions = [
      session('old', '2024-03-06T18:00:00Z', []),
      session('ahead', '2026-02-03T18:00:00Z', []),
    ];
    const all = progressStatsOptions('all', { ...context, sessions });
    expect(all.from).toBe('2024-03-03T23:00:00.000Z');
    expect(all.to).toBe('2026-02-08T23:00:00.000Z');
    expect(computeProgress(sessions, all).stats.sessions).toBe(2);
  });
});

describe('scales', () => {
  it('count axes step by 1, 2 or 5 × 10ⁿ and end on a tick at or above the largest', () => {
    expect(countAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(countAxis(180)).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(countAxis(3, 2)).toEqual({ max: 4, ticks: [0, 2, 4] });
  });

  it('labels at most a few of many weeks, and dates without a clock', () => {
    expect(labelledIndexes(4, 6)).toEqual([0, 1, 2, 3]);
    // Counted back from the current week, which always has its label.
    expect(labelledIndexes(52, 6)).toEqual([6, 15, 24, 33, 42, 51]);
    expect(labelledIndexes(12, 6)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(shortDate('2026-11-02')).toBe('2 Nov');
    expect(shortDate('2026-01-05', true)).toBe('5 Jan 2026');
  });
});
