import type { ImportFormat, ImportRejected } from '@sendlog/contract';
import { readCsvLogbook } from './read-csv-logbook.js';
import type { PlannedSession } from './snapshot-draft.js';
import { ticksToSessions } from './ticks-to-sessions.js';

export type { PlannedSession, SnapshotDraft } from './snapshot-draft.js';

/**
 * A logbook CSV as the sessions an import writes, with the refused rows; null when the file is
 * not of `format`. Pure: the bench sends the same sessions through sync to compare.
 */
export function planCsvImport(
  userId: string,
  format: Exclude<ImportFormat, 'sendlog'>,
  file: Buffer,
  tz: string,
): { planned: PlannedSession[]; rejected: ImportRejected[] } | null {
  const logbook = readCsvLogbook(format, file, tz);
  if (!logbook.ok) return null;
  return {
    planned: ticksToSessions(userId, format, logbook.ticks),
    rejected: logbook.rejected,
  };
}
