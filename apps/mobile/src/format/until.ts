const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "until 31 Dec" for a climb the gym plans to take down on 2026-12-31 (a `YYYY-MM-DD` day, read
 * as written: it is the gym's day, not an instant), with the year when it is not this year's.
 * null when there is no such day or it does not read as one.
 */
export function untilText(removalPlannedAt: string | null | undefined, today: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(removalPlannedAt ?? '');
  if (!match) return null;
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  if (!name) return null;
  const sameYear = Number(year) === today.getFullYear();
  return `until ${Number(day)} ${name}${sameYear ? '' : ` ${year}`}`;
}
