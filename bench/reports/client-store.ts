import type { StoreFigures } from '../client-store.js';
import { fmt, type Row } from '../lib/report.js';
import { times } from './format.js';

/** Part 5: `logRoute` at each history size, how flat that stays, and the first design's cost. */
export function storeRows(f: readonly StoreFigures[]): Row[] {
  const us = (value: number) =>
    value >= 1000 ? `${fmt(value / 1000, 1)} ms` : `${fmt(value, 1)} µs`;
  const rows: Row[] = f.map((x) => ({
    part: '5 client store',
    metric: `logRoute until stored, ${x.historySize.toLocaleString('en-US')} sessions in history`,
    value: `${us(x.storeUs)} (first design: ${us(x.baselineUs)})`,
    goal: '',
    met: null,
  }));
  const small = f[0]!;
  const large = f[f.length - 1]!;
  const flat = large.storeUs / small.storeUs;
  const faster = large.baselineUs / large.storeUs;
  rows.push(
    {
      part: '5 client store',
      metric: `logRoute at ${large.historySize.toLocaleString('en-US')} ÷ at ${small.historySize}`,
      value: times(flat),
      goal: '≤ 1.5×',
      met: flat <= 1.5,
    },
    {
      part: '5 client store',
      metric: `first design (one JSON array) ÷ store, at ${large.historySize.toLocaleString('en-US')}`,
      value: times(faster),
      goal: '≥ 50×',
      met: faster >= 50,
    },
  );
  return rows;
}
