import { resolveStatsPeriod } from '@sendlog/rules';

/** The periods the picker offers, in ISO weeks up to now (the current week included). */
export const INSIGHTS_PERIODS = [
  { weeks: 4, label: '4 weeks' },
  { weeks: 8, label: '8 weeks' },
  { weeks: 13, label: '3 months' },
  { weeks: 52, label: 'A year' },
] as const;
export type InsightsWeeks = (typeof INSIGHTS_PERIODS)[number]['weeks'];
export const DEFAULT_INSIGHTS_WEEKS: InsightsWeeks = 8;

/**
 * `from` and `to` of the last `weeks` ISO weeks in the gym's zone, as the server counts its own
 * default: Monday 00:00 local of the first week, up to now.
 */
export function insightsPeriod(
  weeks: number,
  timeZone: string,
  nowMs: number,
): { from: string; to: string } {
  const period = resolveStatsPeriod({ tz: timeZone }, nowMs, weeks);
  // Only an impossible clock (before 1970 less 5 years) could make this fail.
  if (!period.ok)
    return {
      from: new Date(nowMs - weeks * 7 * 86_400_000).toISOString(),
      to: new Date(nowMs).toISOString(),
    };
  return { from: period.from, to: period.to };
}
