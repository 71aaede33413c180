import { climbsCsv, climbsCsvName, climbTable, verdictText } from './climbsTable';
import { INSIGHTS_FIXTURE } from './insightsFixture';
import { gradeShares, gradeSharesSummary, climbersPerWeek } from './insightCharts';
import { insightsPeriod } from './insightsPeriod';

const names = (sort: Parameters<typeof climbTable>[1]) =>
  climbTable(INSIGHTS_FIXTURE, sort).map((r) => r.name);

describe('the climbs table', () => {
  it('sorts verdicts first, least climbed, oldest and lowest rated', () => {
    // Verdicts first, the one with more opinions before; then the server's order.
    expect(names('verdicts')).toEqual(['Arete', 'Bulge', '=HYPERLINK("x")', 'Dyno']);
    expect(names('leastClimbed')).toEqual(['=HYPERLINK("x")', 'Dyno', 'Bulge', 'Arete']);
    expect(names('oldest')).toEqual(['=HYPERLINK("x")', 'Arete', 'Bulge', 'Dyno']);
    // No stars at all goes last.
    expect(names('lowestRated')).toEqual(['Dyno', 'Bulge', 'Arete', '=HYPERLINK("x")']);
  });

  it('says a verdict in words', () => {
    const [arete] = climbTable(INSIGHTS_FIXTURE, 'verdicts');
    expect(verdictText(arete!)).toBe('Climbers say softer: V2 (4 opinions)');
  });

  it('downloads as CSV whose typed texts cannot run as formulas', () => {
    const csv = climbsCsv(climbTable(INSIGHTS_FIXTURE, 'verdicts'));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'climb,wall_id,grade,setter,set_at,age_days,removal_planned,archived,climbers,tries,attempts,sends,flashes,stars,community_grade,opinions,verdict',
    );
    expect(lines[1]).toBe('Arete,wall-1,V3,Ana,,36,,false,3,6,8,3,2,4,V2,4,softer');
    expect(lines[3]).toBe(
      `"'=HYPERLINK(""x"")",wall-1,V4,'@Ben,,90,2026-03-01,false,0,0,0,0,0,,,0,`,
    );
    expect(lines).toHaveLength(6);
    expect(climbsCsvName('Insight Boulders', '2026-02-02T05:00:00Z', '2026-02-16T05:00:00Z')).toBe(
      'insight-boulders-climbs-2026-02-02-2026-02-16.csv',
    );
  });
});

describe("the insights' charts", () => {
  it('compares the set with the climbing grade by grade, in words too', () => {
    expect(gradeShares(INSIGHTS_FIXTURE)).toEqual([
      { grade: 'V2', climbs: 1, setShare: 25, tries: 0, climbedShare: 0 },
      { grade: 'V3', climbs: 1, setShare: 25, tries: 6, climbedShare: 75 },
      { grade: 'V4', climbs: 2, setShare: 50, tries: 2, climbedShare: 25 },
    ]);
    expect(gradeSharesSummary(gradeShares(INSIGHTS_FIXTURE))).toBe(
      'V2: 25% of the set (1 climb), 0% of the tries (0). V3: 25% of the set (1 climb), 75% of the tries (6). V4: 50% of the set (2 climbs), 25% of the tries (2)',
    );
  });

  it('counts climbers by week', () => {
    expect(climbersPerWeek(INSIGHTS_FIXTURE).summary).toBe(
      'week of 2 Feb: 3 climbers, week of 9 Feb: 2 climbers',
    );
  });

  it("asks for whole ISO weeks in the gym's zone", () => {
    // Wednesday 11 Feb 2026, 12:00 UTC; New York is UTC−5 then.
    const now = Date.parse('2026-02-11T12:00:00Z');
    expect(insightsPeriod(2, 'America/New_York', now)).toEqual({
      from: '2026-02-02T05:00:00.000Z',
      to: '2026-02-11T12:00:00.000Z',
    });
  });
});
