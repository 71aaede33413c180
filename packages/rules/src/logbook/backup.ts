import type { BackupSession, SessionsBackup, User } from '@sendlog/contract';
import { parseInstant } from './instant.js';

/**
 * The JSON backup (`GET /sessions/export?format=json`), shared by the server, which streams it
 * page by page, and the phone, which builds it offline from its own store: both write the same
 * head and the same order, so a file from either reads back the same way.
 */

export const BACKUP_FORMAT = 'sendlog-backup';
export const BACKUP_VERSION = 1;

/** Everything of the backup but its sessions, in the order the file writes it. */
export interface BackupHead {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  user: User;
}

export function backupHead(user: User, exportedAt: string): BackupHead {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, user };
}

/** The order of every export, CSV and JSON: oldest start first, then id (by code units). */
export function compareExportOrder(
  a: { startTime: string; id: string },
  b: { startTime: string; id: string },
): number {
  return (
    parseInstant(a.startTime) - parseInstant(b.startTime) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The whole backup in memory (the phone's case): the sessions in export order, as given (each
 * with its `gym` when the caller knows it).
 */
export function sessionsBackup(
  user: User,
  sessions: readonly BackupSession[],
  exportedAt: string,
): SessionsBackup {
  return { ...backupHead(user, exportedAt), sessions: [...sessions].sort(compareExportOrder) };
}
