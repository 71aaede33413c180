import type { ErrorDetail, SessionChangesPage, SessionsQuery } from '@sendlog/contract';
import type { Db } from '../db/connection.js';
import {
  decodeChangeCursor,
  decodeHistoryCursor,
  encodeChangeCursor,
  encodeHistoryCursor,
} from './cursor.js';
import {
  loadChangesPage,
  loadHistoryPage,
  toApiChange,
  toApiSession,
} from './session-repository.js';

/** A page of `GET /sessions`, or the query field that cannot be answered (a 400 for the route). */
export type SessionsPageAnswer =
  { ok: true; page: SessionChangesPage } | { ok: false; refused: ErrorDetail };

/**
 * `updatedSince` pulls the changes after a position in the user's change sequence (deleted
 * sessions as tombstones); otherwise `cursor` pages the history of live sessions, newest first.
 */
export async function readSessionsPage(
  db: Db,
  userId: string,
  query: SessionsQuery,
): Promise<SessionsPageAnswer> {
  if (query.updatedSince === undefined) return historyPage(db, userId, query.cursor, query.limit);
  if (query.cursor !== undefined) {
    return refused('cursor', 'cannot be combined with updatedSince');
  }
  return changesPage(db, userId, query.updatedSince, query.limit);
}

async function changesPage(
  db: Db,
  userId: string,
  updatedSince: string,
  limit: number,
): Promise<SessionsPageAnswer> {
  const after = decodeChangeCursor(updatedSince);
  if (after === null) return refused('updatedSince', 'is not a cursor issued by this server');
  const page = await loadChangesPage(db, userId, after, limit);
  const last = page.at(-1);
  return {
    ok: true,
    page: {
      sessions: page.map(toApiChange),
      nextCursor: encodeChangeCursor(last ? last.changeSeq : after),
    },
  };
}

async function historyPage(
  db: Db,
  userId: string,
  cursor: string | undefined,
  limit: number,
): Promise<SessionsPageAnswer> {
  const after = cursor === undefined ? null : decodeHistoryCursor(cursor);
  if (cursor !== undefined && after === null) {
    return refused('cursor', 'is not a cursor issued by this server');
  }
  // One row more than asked tells whether another page exists.
  const rows = await loadHistoryPage(db, userId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ok: true,
    page: {
      sessions: page.map(toApiSession),
      nextCursor:
        rows.length > limit && last
          ? encodeHistoryCursor({ startTime: last.state.fields.startTime, id: last.id })
          : null,
    },
  };
}

function refused(path: 'cursor' | 'updatedSince', message: string): SessionsPageAnswer {
  return { ok: false, refused: { path, message } };
}
