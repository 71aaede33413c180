import { isIanaTimeZone, withRouteContent } from '@sendlog/contract';
import type { Climb, Layout, Session, SessionsBackup, User } from '@sendlog/contract';
import { exportCsv, sessionsBackup } from '@sendlog/rules';
import { climbOfRoute } from '../hooks/logbookSessions';
import type { LocalSession } from '../sync/types';

/**
 * The climber's logbook as the server's `GET /sessions/export` writes it (docs/api.md), built on
 * the device from its own store: it works offline and holds what has not synced yet. The formats
 * come from @sendlog/rules (`exportCsv`, `sessionsBackup`); only the mapping from the local model
 * is here.
 */

/**
 * A local session in the shape of `GET /sessions`. The device does not keep what only the server
 * knows, so: a session not on the server yet has its client id as `id` and revision 0 (the
 * server's start at 1); `createdAt` is its start (a session is created when it starts; the phone
 * does not keep the server's own moment); a route's `id` is its client id. Climb names come from
 * the catalogue on the device, grades as `climbOfRoute` reads them (the server's record once
 * synced), as the server joins them from its own.
 */
export function backupSessionOf(
  session: LocalSession,
  climbsById: ReadonlyMap<string, Climb>,
): Session {
  return {
    id: session.serverSessionId ?? session.id,
    clientSessionId: session.clientSessionId,
    layoutId: session.layoutId,
    // As the server answers it: only a session elsewhere has a place, only an unlisted climb a
    // `climb` (below).
    ...(session.place != null ? { place: session.place } : {}),
    startTime: session.startTime,
    endTime: session.endTime,
    notes: session.notes,
    revision: session.serverRevision ?? 0,
    createdAt: session.startTime,
    updatedAt: session.updatedAt,
    routes: session.routes.map((route) => {
      const answered = withRouteContent(
        {
          id: route.id,
          clientRouteId: route.id,
          ...climbOfRoute(route, climbsById),
          updatedAt: route.updatedAt,
        },
        route,
      );
      const { climb, ...listed } = answered;
      return climb == null ? listed : answered;
    }),
  };
}

export type ExportFormat = 'csv' | 'json';

/** A file to hand to the platform (download on the web, share sheet on phones). */
export interface ExportFile {
  name: string;
  mimeType: string;
  text: string;
}

/** What the file holds, for the screen to say. */
export interface ExportCounts {
  tries: number;
  sessions: number;
  /** Sessions on the device only (running, waiting to sync, or refused). */
  unsynced: number;
}

export interface LogbookExport {
  file: ExportFile;
  counts: ExportCounts;
}

export interface ExportInput {
  format: ExportFormat;
  user: User;
  /** The store's sessions (deleted ones are already out of its reads). */
  sessions: readonly LocalSession[];
  climbsById: ReadonlyMap<string, Climb>;
  layouts: readonly Layout[] | null;
  now: Date;
  /** The zone of the CSV's `date` column: the device's own. */
  timeZone: string;
}

/** The device's IANA zone, or UTC where the runtime does not tell one the server would accept. */
export function deviceTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isIanaTimeZone(zone) ? zone : 'UTC';
}

/** `sendlog-2026-05-01.csv`, as the server names it: the date in the device's zone. */
export function exportFileName(format: ExportFormat, now: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return `sendlog-${date}.${format}`;
}

export function buildLogbookExport(input: ExportInput): LogbookExport {
  const backup: SessionsBackup = sessionsBackup(
    input.user,
    input.sessions.map((s) => backupSessionOf(s, input.climbsById)),
    input.now.toISOString(),
  );
  const text =
    input.format === 'json'
      ? JSON.stringify(backup)
      : exportCsv(
          backup.sessions,
          new Map((input.layouts ?? []).map((l) => [l.id, l.name])),
          input.timeZone,
        );
  return {
    file: {
      name: exportFileName(input.format, input.now, input.timeZone),
      mimeType: input.format === 'json' ? 'application/json' : 'text/csv',
      text,
    },
    counts: {
      tries: backup.sessions.reduce((n, s) => n + s.routes.length, 0),
      sessions: backup.sessions.length,
      unsynced: input.sessions.filter((s) => s.status !== 'synced').length,
    },
  };
}
