import type { InsightsClimb, InsightsResponse } from '@sendlog/contract';
import { csvField, csvText } from '@sendlog/rules';

/** How the staff can sort the climbs table. */
export const CLIMB_SORTS = [
  { value: 'verdicts', label: 'Verdicts first' },
  { value: 'leastClimbed', label: 'Least climbed' },
  { value: 'oldest', label: 'Oldest' },
  { value: 'lowestRated', label: 'Lowest rated' },
] as const;
export type ClimbSort = (typeof CLIMB_SORTS)[number]['value'];

export interface ClimbTableRow extends InsightsClimb {
  verdict: 'harder' | 'softer' | null;
}

/** Nulls (no stars, no setting day) go last whichever way a column sorts. */
function nullsLast(a: number | null, b: number | null, order: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return (a - b) * order;
}

const SORTERS: Record<ClimbSort, (a: ClimbTableRow, b: ClimbTableRow) => number> = {
  // A verdict first, then the climbs with the most opinions (the surest verdicts).
  verdicts: (a, b) =>
    Number(b.verdict !== null) - Number(a.verdict !== null) || b.opinions - a.opinions,
  leastClimbed: (a, b) => a.climbers - b.climbers || a.tries - b.tries,
  oldest: (a, b) => nullsLast(a.ageDays, b.ageDays, -1),
  lowestRated: (a, b) => nullsLast(a.rating, b.rating, 1),
};

/** The climbs with their verdicts, sorted by `sort`; ties keep the server's order (by name). */
export function climbTable(insights: InsightsResponse, sort: ClimbSort): ClimbTableRow[] {
  const verdicts = new Map(insights.verdicts.map((v) => [v.climbId, v.direction]));
  const rows = insights.climbs.map((c) => ({ ...c, verdict: verdicts.get(c.climbId) ?? null }));
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => SORTERS[sort](a.row, b.row) || a.i - b.i)
    .map(({ row }) => row);
}

/** What a climb's verdict says, in words. */
export function verdictText(row: Pick<ClimbTableRow, 'verdict' | 'communityGrade' | 'opinions'>) {
  if (row.verdict === null) return '';
  return `Climbers say ${row.verdict}: ${row.communityGrade ?? ''} (${row.opinions} opinions)`;
}

const HEADER = [
  'climb',
  'wall_id',
  'grade',
  'setter',
  'set_at',
  'age_days',
  'removal_planned',
  'archived',
  'climbers',
  'tries',
  'attempts',
  'sends',
  'flashes',
  'stars',
  'community_grade',
  'opinions',
  'verdict',
];

/**
 * The climbs table as CSV (UTF-8, a header row, CRLF): every text a setter typed (a climb's
 * name, a setter's name) made inert for spreadsheets the way the logbook export does, so
 * `=HYPERLINK(…)` as a name opens as text, never as a formula.
 */
export function climbsCsv(rows: readonly ClimbTableRow[]): string {
  const number = (n: number | null) => (n === null ? '' : String(n));
  const lines = rows.map((r) =>
    [
      csvText(r.name),
      csvField(r.layoutId),
      csvText(r.grade),
      csvText(r.setter),
      r.setAt ?? '',
      number(r.ageDays),
      r.removalPlannedAt ?? '',
      r.archived ? 'true' : 'false',
      number(r.climbers),
      number(r.tries),
      number(r.attempts),
      number(r.sends),
      number(r.flashes),
      number(r.rating),
      csvText(r.communityGrade),
      number(r.opinions),
      r.verdict ?? '',
    ].join(','),
  );
  return [HEADER.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}

/** The file's name: the gym's slug-like name and the period's dates. */
export function climbsCsvName(gymName: string, from: string, to: string): string {
  const slug =
    gymName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'gym';
  return `${slug}-climbs-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`;
}
