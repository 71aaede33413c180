import { cpus, release } from 'node:os';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** One line of the printed table: a figure beside its goal. */
export interface Row {
  part: string;
  metric: string;
  value: string;
  goal: string;
  /** `null` when the row is information without a goal. */
  met: boolean | null;
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  node: string;
  kernel: string;
}

export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]!.trim();
  } catch {
    // not Linux: os.cpus() already answered
  }
  return { nproc: availableParallelism(), cpuModel, node: process.version, kernel: release() };
}

const mark = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'MISSED');

/** A Markdown table, so the same text prints in the terminal and goes into bench/README.md. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['part', 'measure', 'value', 'goal', ''];
  const cells = rows.map((r) => [r.part, r.metric, r.value, r.goal, mark(r.met)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

export const fmt = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
