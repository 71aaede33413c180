import { climbKeyOf, withRouteContent, type User } from '@sendlog/contract';
import {
  ascentTypeFromFirsts,
  backupHead,
  EXPORT_CSV_HEADER,
  exportCsvLine,
  type AscentType,
  type ClimbFirsts,
} from '@sendlog/rules';
import type { Db } from '../db/connection.js';
import {
  loadClimbFirsts,
  loadSessionJsonPage,
  loadTryPage,
  type ExportKey,
  type ExportTryRow,
} from './export-repository.js';

/**
 * Sessions per page: a page of 20-route sessions is a few hundred kB, written out before the
 * next is read, so the server's memory stays flat however long the history is.
 */
export const EXPORT_PAGE_SESSIONS = 50;

/**
 * How the export reads its pages from the database: the route runs every page as its own bounded
 * statement under the climber's read lease, and lets other requests in between pages.
 */
export interface ExportPages {
  read<T>(query: (db: Db) => Promise<T>): Promise<T>;
  /**
   * After the last page, before the file's end goes out: a client that got the whole file and
   * asks again at once must find the read finished (its lease given back).
   */
  done(): Promise<void>;
}

/**
 * The JSON backup, chunk by chunk: `{ format, version, exportedAt, user, sessions: [` then each
 * session as the database rendered it (never parsed here), then `]}`.
 */
export async function* jsonBackup(
  pages: ExportPages,
  user: User,
  exportedAt: string,
  pageSize = EXPORT_PAGE_SESSIONS,
): AsyncGenerator<string> {
  yield `${JSON.stringify(backupHead(user, exportedAt)).slice(0, -1)},"sessions":[`;
  let after: ExportKey | null = null;
  let first = true;
  for (;;) {
    const from: ExportKey | null = after;
    const page: { doc: string; key: ExportKey }[] = await pages.read((db) =>
      loadSessionJsonPage(db, user.id, from, pageSize),
    );
    if (page.length === 0) break;
    const docs = page.map((p) => p.doc).join(',');
    yield first ? docs : `,${docs}`;
    first = false;
    after = page[page.length - 1]!.key;
    if (page.length < pageSize) break;
  }
  await pages.done();
  yield ']}';
}

function ascentType(row: ExportTryRow, firsts: ReadonlyMap<string, ClimbFirsts>): AscentType {
  const f = firsts.get(climbKeyOf(row));
  // Unreachable unless the climb's first try was written after the firsts were read.
  if (f === undefined) return row.isSuccess ? 'send' : 'attempt';
  return ascentTypeFromFirsts(
    {
      atMs: Number(row.at_ms),
      sessionStartMs: Number(row.start_ms),
      sessionId: row.id_key,
      routeId: row.route_id!,
      isSuccess: row.isSuccess,
      attempts: row.attempts,
    },
    f,
  );
}

/** The CSV export (see `exportCsvLine` of @sendlog/rules), one page of sessions per chunk. */
export async function* csvExport(
  pages: ExportPages,
  userId: string,
  tz: string,
  pageSize = EXPORT_PAGE_SESSIONS,
): AsyncGenerator<string> {
  const firsts = await pages.read((db) => loadClimbFirsts(db, userId));
  yield EXPORT_CSV_HEADER;
  let after: ExportKey | null = null;
  for (;;) {
    const from: ExportKey | null = after;
    const rows: ExportTryRow[] = await pages.read((db) => loadTryPage(db, userId, from, pageSize));
    if (rows.length === 0) break;
    let chunk = '';
    let sessions = 0;
    for (const row of rows) {
      if (after === null || after.id !== row.id_key) sessions += 1;
      after = { startTime: row.start_key, id: row.id_key };
      if (row.route_id === null) continue;
      chunk += exportCsvLine(
        {
          route: withRouteContent(
            {
              id: row.route_id,
              climbName: row.climb_name,
              grade: row.grade,
              updatedAt: row.updated_at,
            },
            row,
          ),
          session: {
            id: row.id_key,
            startTime: row.start_key,
            notes: row.session_notes,
            place: row.place,
          },
          wall: row.wall,
          gym: row.gym,
          ascentType: ascentType(row, firsts),
        },
        tz,
      );
    }
    const last = sessions < pageSize;
    if (last) await pages.done();
    if (chunk !== '') yield chunk;
    if (last) return;
  }
  await pages.done();
}
