import { contrastRatio } from '../theme/contrast';
import { INSIGHTS_FIXTURE } from './insightsFixture';
import {
  GRID_SHADES,
  cellOrigin,
  gridLayout,
  shadeLegend,
  shadeLevel,
  weekdayHourGrid,
} from './weekdayHourGrid';

describe('the weekday × hour grid', () => {
  it('places each cell, names the busiest and reads the whole table in words', () => {
    const grid = weekdayHourGrid(INSIGHTS_FIXTURE);
    expect(grid.sessions).toHaveLength(7);
    expect(grid.sessions.every((row) => row.length === 24)).toBe(true);
    expect(grid.sessions[1]![18]).toBe(2);
    expect(grid.sessions[6]![23]).toBe(1);
    expect(grid.sessions.flat().reduce((a, b) => a + b, 0)).toBe(5);
    expect(grid.max).toBe(2);
    expect(grid.busiestText).toBe(
      'Busiest: Tue 18:00 (2 sessions), Tue 10:00 (1 session), Wed 09:00 (1 session), ' +
        'Sun 23:00 (1 session).',
    );
    expect(grid.summary).toContain('Monday: none. Tuesday: 10:00 1, 18:00 2. Wednesday: 09:00 1');
    expect(grid.summary).toMatch(/Sunday: 23:00 1\.$/);
  });

  it('names five busiest cells at most and says when there were none', () => {
    const many = {
      ...INSIGHTS_FIXTURE,
      activity: {
        ...INSIGHTS_FIXTURE.activity,
        byWeekdayHour: Array.from({ length: 8 }, (_, i) => ({
          weekday: 5,
          hour: 10 + i,
          sessions: i + 1,
        })),
      },
    };
    expect(weekdayHourGrid(many).busiest.map((c) => c.hour)).toEqual([17, 16, 15, 14, 13]);
    const none = { ...many, activity: { ...many.activity, byWeekdayHour: [] } };
    expect(weekdayHourGrid(none).busiestText).toBe('No sessions in this period.');
    expect(weekdayHourGrid(none).max).toBe(0);
  });

  it('shades by quarter of the busiest cell, never an empty shade for a session', () => {
    expect([0, 1, 2, 3, 4, 5, 8].map((n) => shadeLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(shadeLevel(1, 100)).toBe(1);
    expect(shadeLegend(8).map((l) => l.label)).toEqual([
      '1–2 sessions',
      '3–4 sessions',
      '5–6 sessions',
      '7–8 sessions',
    ]);
    // With few sessions, only the shades in use are in the legend, each matching shadeLevel.
    expect(shadeLegend(2)).toEqual([
      { level: 2, label: '1 session' },
      { level: 4, label: '2 sessions' },
    ]);
    expect([shadeLevel(1, 2), shadeLevel(2, 2)]).toEqual([2, 4]);
  });

  it('writes every count legibly on its shade', () => {
    for (const shade of GRID_SHADES)
      expect(contrastRatio(shade.text, shade.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('runs hours across on a laptop and down on a phone, every cell inside the drawing', () => {
    const laptop = gridLayout(1200);
    const phone = gridLayout(320);
    expect(laptop.orientation).toBe('across');
    expect(phone.orientation).toBe('down');
    for (const layout of [laptop, phone]) {
      expect(layout.cellWidth).toBeGreaterThanOrEqual(24);
      const last = cellOrigin(layout, 7, 23);
      expect(last.x + layout.cellWidth).toBeLessThanOrEqual(layout.width);
      expect(last.y + layout.cellHeight).toBeLessThanOrEqual(layout.height);
    }
    expect(cellOrigin(laptop, 2, 18).x).toBeGreaterThan(cellOrigin(laptop, 2, 10).x);
    expect(cellOrigin(phone, 2, 18).y).toBeGreaterThan(cellOrigin(phone, 2, 10).y);
  });
});
