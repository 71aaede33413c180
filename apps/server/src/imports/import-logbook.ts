import {
  expectedColumnsOf,
  type ImportFormat,
  type ImportRejected,
  type ImportResponse,
} from '@sendlog/contract';
import type { Db } from '../db/connection.js';
import { lookupCatalogue } from '../sessions/catalogue-lookup.js';
import { ingestSnapshots } from '../sessions/ingest/ingest.js';
import { loadByKeys } from '../sessions/session-repository.js';
import { backupIds, backupToSessions } from './backup-to-sessions.js';
import { planCsvImport } from './plan.js';
import { readSendlogBackup } from './read-sendlog-backup.js';
import type { PlannedSession } from './snapshot-draft.js';

export type ImportOutcome = { ok: true; result: ImportResponse } | { ok: false; expected: string };

/**
 * An import: the file read into sessions with ids made from their content, then written through
 * sync's own ingest in ONE transaction (nothing of it is stored if the server dies before the
 * commit, and all of it after). Sync's exactly-once makes a second import of the same ticks a
 * no-op; the routes already stored before are what `skipped` counts.
 */
export async function importLogbook(
  db: Db,
  userId: string,
  format: ImportFormat,
  file: Buffer,
  tz: string,
  nowMs: number,
): Promise<ImportOutcome> {
  let planned: PlannedSession[];
  const rejected: ImportRejected[] = [];
  if (format === 'sendlog') {
    const backup = readSendlogBackup(file);
    if (!backup.ok) return { ok: false, expected: expectedColumnsOf(format) };
    const ids = backupIds(backup.sessions);
    const catalogue = await lookupCatalogue(db, ids.climbIds, ids.layoutIds);
    planned = backupToSessions(backup.sessions, catalogue);
    rejected.push(...backup.rejected);
  } else {
    const plan = planCsvImport(userId, format, file, tz);
    if (plan === null) return { ok: false, expected: expectedColumnsOf(format) };
    planned = plan.planned;
    rejected.push(...plan.rejected);
  }

  const before = await loadByKeys(
    db,
    userId,
    planned.map((p) => `c:${p.snapshot.clientSessionId}`),
  );
  const { results } = await ingestSnapshots(
    db,
    userId,
    planned.map((p) => p.snapshot),
    { nowMs },
  );

  let sessions = 0;
  let routes = 0;
  let skipped = 0;
  results.forEach((r, i) => {
    const p = planned[i]!;
    if (!r.success) {
      const why = r.error.details?.[0];
      const reason = `the session of this tick was refused: ${why ? `${why.path} ${why.message}` : r.error.message}`;
      for (const line of new Set(p.lines)) rejected.push({ line, reason });
      return;
    }
    const stored = before.get(`c:${p.snapshot.clientSessionId}`);
    // A tick stored before, or removed since on a device, or whose session was deleted, stays so.
    const had = (id: string) =>
      stored !== undefined &&
      (stored.state.deleted || stored.state.routes.has(id) || stored.state.tombstones.has(id));
    const added = p.snapshot.routes.filter((route) => !had(route.clientRouteId)).length;
    routes += added;
    skipped += p.snapshot.routes.length - added;
    if (r.status === 'created' || added > 0) sessions += 1;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { ok: true, result: { format, sessions, routes, skipped, rejected } };
}
