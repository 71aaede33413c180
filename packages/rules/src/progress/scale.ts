/** A linear count axis: its top value, and the ticks a reader can read off at a glance. */
export interface CountAxis {
  /** The axis ends here (the top tick), at least 1 so an all-zero chart still has an axis. */
  max: number;
  ticks: number[];
}

/**
 * Whole-number ticks 1, 2 or 5 × 10ⁿ apart, at most `maxTicks` steps from 0 up to the first tick
 * at or above `largest`: counts are whole, and "0, 5, 10, 15" reads faster than "0, 4.3, 8.6".
 */
export function countAxis(largest: number, maxTicks = 4): CountAxis {
  const top = Math.max(1, Math.ceil(largest));
  let step = 0;
  for (let magnitude = 1; step === 0; magnitude *= 10) {
    step = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(top / s) <= maxTicks) ?? 0;
  }
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= max; value += step) ticks.push(value);
  return { max, ticks };
}

/** Maps `value` of [0, max] onto [0, length]. */
export function scaleTo(value: number, max: number, length: number): number {
  return max <= 0 ? 0 : (value / max) * length;
}

/**
 * Every `step`-th index of `count` items so that at most `maxLabels` are labelled, counted back
 * from the last (the current week is always labelled), in ascending order.
 */
export function labelledIndexes(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  const indexes: number[] = [];
  for (let i = count - 1; i >= 0; i -= step) indexes.unshift(i);
  return indexes;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-02` → `2 Nov`; with the year when asked (`2 Nov 2026`). A date, not an instant. */
export function shortDate(date: string, withYear = false): string {
  const [year, month, day] = date.split('-');
  const name = MONTHS[Number(month) - 1] ?? month;
  const text = `${Number(day)} ${name}`;
  return withYear ? `${text} ${year}` : text;
}
