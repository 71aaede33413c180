import { readFileSync } from 'node:fs';
import type { ImportResponse } from '@sendlog/contract';
import { planCsvImport } from '@sendlog/server/imports/plan';
import type { ServerProcess } from '@sendlog/server/testing/server-process';
import { eightALogbook } from '../reliability/support/logbook-file.js';
import { postBulk, registerUser, type BenchUser } from './lib/api-client.js';

export const IMPORT_SHAPE = { ticks: 20_000, perDay: 10, bulkSessions: 100 } as const;

export interface ImportFigures {
  fileBytes: number;
  sessions: number;
  /** `POST /imports` of the whole file: one request, one transaction. */
  importMs: number;
  /** The same sessions through `POST /sessions/sync/bulk`, 100 a request, one after another. */
  bulkMs: number;
  bulkRequests: number;
  /** The server process's resident memory: after start, and its peak (VmHWM) after the work. */
  importRss: { idleMb: number; peakMb: number };
  bulkRss: { idleMb: number; peakMb: number };
}

/** Resident memory of a process from /proc (MB): now, and the most it ever held. */
function rssOf(pid: number): { nowMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { nowMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * Part 14: a 20,000-tick logbook imported in one `POST /imports`, against the very same sessions
 * sent as a phone sends them (`POST /sessions/sync/bulk`, 100 sessions a request), each on a
 * fresh API process of its own so their memory peaks are apart. Time and memory both.
 */
export async function importBench(
  startServer: (name: string) => Promise<ServerProcess>,
): Promise<ImportFigures> {
  const file = Buffer.from(eightALogbook(IMPORT_SHAPE.ticks, IMPORT_SHAPE.perDay));

  const importer = await startServer('import');
  const importIdle = rssOf(importer.child.pid!);
  const importUser = await registerUser(importer.url);
  const started = performance.now();
  const res = await fetch(`${importer.url}/imports?format=8a&tz=Europe%2FMadrid`, {
    method: 'POST',
    headers: { authorization: `Bearer ${importUser.token}`, 'content-type': 'text/csv' },
    body: file,
  });
  const text = await res.text();
  const importMs = performance.now() - started;
  if (res.status !== 200) throw new Error(`import: HTTP ${res.status} ${text.slice(0, 300)}`);
  const imported = JSON.parse(text) as ImportResponse;
  if (imported.routes !== IMPORT_SHAPE.ticks) {
    throw new Error(`import stored ${imported.routes} of ${IMPORT_SHAPE.ticks} ticks`);
  }
  const importRss = rssOf(importer.child.pid!);
  await importer.stop();

  const syncer = await startServer('bulk');
  const bulkIdle = rssOf(syncer.child.pid!);
  const bulkUser: BenchUser = await registerUser(syncer.url);
  const plan = planCsvImport(bulkUser.id, '8a', file, 'Europe/Madrid');
  if (plan === null) throw new Error('the synthetic file is no 8a.nu logbook');
  const bodies: string[] = [];
  for (let i = 0; i < plan.planned.length; i += IMPORT_SHAPE.bulkSessions) {
    const sessions = plan.planned.slice(i, i + IMPORT_SHAPE.bulkSessions).map((p) => p.snapshot);
    bodies.push(JSON.stringify({ sessions }));
  }
  const bulkStart = performance.now();
  let created = 0;
  for (const body of bodies)
    created += (await postBulk(syncer.url, bulkUser, body)).summary.created;
  const bulkMs = performance.now() - bulkStart;
  if (created !== plan.planned.length) {
    throw new Error(`bulk created ${created} of ${plan.planned.length} sessions`);
  }
  const bulkRss = rssOf(syncer.child.pid!);
  await syncer.stop();

  return {
    fileBytes: file.length,
    sessions: imported.sessions,
    importMs,
    bulkMs,
    bulkRequests: bodies.length,
    importRss: { idleMb: importIdle.nowMb, peakMb: importRss.peakMb },
    bulkRss: { idleMb: bulkIdle.nowMb, peakMb: bulkRss.peakMb },
  };
}
