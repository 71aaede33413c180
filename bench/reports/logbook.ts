import { fmt, type Row } from '../lib/report.js';
import { median } from '../lib/stats.js';
import {
  LOGBOOK_SHAPE,
  type DeviceFigures,
  type ExportFigures,
  type StatsFigures,
} from '../logbook.js';
import { times } from './format.js';

/** Parts 7 and 8: `GET /stats` by SQL against Node, and the server's memory while it exports. */
export function logbookRows(stats: StatsFigures | null, exports: readonly ExportFigures[]): Row[] {
  const shape = `${LOGBOOK_SHAPE.sessions.toLocaleString('en-US')} sessions × ${LOGBOOK_SHAPE.routes} routes`;
  const rows: Row[] = [];
  if (stats !== null) {
    const sqlMs = median(stats.sqlMs);
    const nodeMs = median(stats.nodeMs);
    rows.push(
      {
        part: '7 stats (postgres)',
        metric: `GET /stats by SQL, ${shape}, 5-year period, own grades, Europe/Berlin`,
        value: `${fmt(sqlMs, 0)} ms`,
        goal: '',
        met: null,
      },
      {
        part: '7 stats (postgres)',
        metric: `in Node: ${stats.pages} × GET /sessions?limit=200 (${fmt(median(stats.pagingMs), 0)} ms), then computeStats`,
        value: `${fmt(nodeMs, 0)} ms`,
        goal: '',
        met: null,
      },
      {
        part: '7 stats (postgres)',
        metric: 'Node from pages ÷ SQL',
        value: times(stats.ratio),
        goal: '≥ 10×',
        met: stats.ratio >= 10,
      },
    );
  }
  for (const e of exports) {
    rows.push({
      part: '8 export (postgres)',
      metric: `peak RSS growth of the server streaming ${shape} as ${e.format} (${fmt(e.bytes / 2 ** 20, 0)} MiB in ${fmt(e.ms / 1000, 1)} s; idle ${fmt(e.idleMiB, 0)} MiB)`,
      value: `${fmt(e.growthMiB, 1)} MiB`,
      goal: '≤ 50 MiB',
      met: e.growthMiB <= 50,
    });
  }
  return rows;
}

/** Part 9: `computeStats`, then the whole Progress tab, in CPU per 1,000 sessions against a frame. */
export function deviceRows(d: DeviceFigures): Row[] {
  return [
    {
      part: '9 device stats',
      metric: `computeStats, ${d.sessions.toLocaleString('en-US')} sessions × ${LOGBOOK_SHAPE.routes} routes (CPU ${fmt(d.cpuMedianMs, 1)} ms, wall ${fmt(d.medianMs, 1)} ms), CPU per 1,000 sessions ÷ one 16 ms frame (fastest run ${fmt(d.minPerThousandMs, 1)} ms)`,
      value: `${fmt(d.perThousandMs, 1)} ms = ${fmt(d.perThousandMs / 16, 2)} frame`,
      goal: '≤ 1 frame',
      met: d.perThousandMs <= 16,
    },
    {
      part: '9 device stats',
      metric: `Progress tab: computeStats + per-try tallies + the four charts' data, same history (CPU ${fmt(d.screen.cpuMedianMs, 1)} ms, wall ${fmt(d.screen.medianMs, 1)} ms), CPU per 1,000 sessions ÷ one 16 ms frame (fastest run ${fmt(d.screen.minPerThousandMs, 1)} ms)`,
      value: `${fmt(d.screen.perThousandMs, 1)} ms = ${fmt(d.screen.perThousandMs / 16, 2)} frame`,
      goal: '≤ 1 frame',
      met: d.screen.perThousandMs <= 16,
    },
  ];
}
