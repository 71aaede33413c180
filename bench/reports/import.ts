import type { ImportFigures } from '../import.js';
import type { Row } from '../lib/report.js';

const mb = (n: number) => `${n.toFixed(0)} MB`;

/** Part 15's rows: the import against the same sessions through sync, time and memory. */
export function importRows(f: ImportFigures): Row[] {
  const ratio = f.importMs / f.bulkMs;
  const extraImport = f.importRss.peakMb - f.importRss.idleMb;
  const extraBulk = f.bulkRss.peakMb - f.bulkRss.idleMb;
  return [
    {
      part: '15',
      metric: `POST /imports of 20,000 ticks (${(f.fileBytes / 1024 / 1024).toFixed(1)} MiB, ${f.sessions} sessions), one request`,
      value: `${(f.importMs / 1000).toFixed(2)} s`,
      goal: '≤ 30 s',
      met: f.importMs <= 30_000,
    },
    {
      part: '15',
      metric: `the same sessions via POST /sessions/sync/bulk (${f.bulkRequests} requests of 100)`,
      value: `${(f.bulkMs / 1000).toFixed(2)} s`,
      goal: '',
      met: null,
    },
    {
      part: '15',
      metric: 'import time ÷ bulk time (the import also reads the CSV and makes the ids)',
      value: ratio.toFixed(2),
      goal: '',
      met: null,
    },
    {
      part: '15',
      metric: 'server memory: peak above idle, import vs bulk (PGlite)',
      value: `${mb(extraImport)} vs ${mb(extraBulk)} (peaks ${mb(f.importRss.peakMb)} / ${mb(f.bulkRss.peakMb)})`,
      goal: 'import ≤ 256 MB above idle',
      met: extraImport <= 256,
    },
  ];
}
