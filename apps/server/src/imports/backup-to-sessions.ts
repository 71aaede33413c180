import { isUuid } from '../domain/ids.js';
import type { CatalogueLookup } from '../sessions/catalogue-lookup.js';
import { kindOfGrade } from './climb-kind.js';
import type { BackupSessionIn } from './read-sendlog-backup.js';
import type { PlannedSession, RouteDraft } from './snapshot-draft.js';

/** The catalogue ids a backup names, for one lookup of which exist on this server. */
export function backupIds(items: readonly { session: BackupSessionIn }[]): {
  climbIds: string[];
  layoutIds: string[];
} {
  const climbs = new Set<string>();
  const layouts = new Set<string>();
  for (const { session } of items) {
    if (session.layoutId && isUuid(session.layoutId)) layouts.add(session.layoutId.toLowerCase());
    for (const r of session.routes) {
      if (r.climbId && isUuid(r.climbId)) climbs.add(r.climbId.toLowerCase());
    }
  }
  return { climbIds: [...climbs], layoutIds: [...layouts] };
}

/**
 * A backup's sessions as snapshots, with their own client ids (a backup imported twice, or into
 * the account that wrote it, is stored once). A route whose climb exists on this server keeps it;
 * any other becomes an unlisted climb with the backup's name and grade, and a session whose wall
 * is not on this server becomes a session elsewhere, at the wall's name.
 */
export function backupToSessions(
  items: readonly { session: BackupSessionIn; line: number }[],
  catalogue: CatalogueLookup,
): PlannedSession[] {
  return items.map(({ session: s, line }) => {
    const layoutId =
      s.layoutId && catalogue.layouts.has(s.layoutId.toLowerCase()) ? s.layoutId : null;
    const routes = s.routes.map((r, i): RouteDraft => {
      const known = r.climbId != null && catalogue.climbs.has(r.climbId.toLowerCase());
      return {
        clientRouteId: r.clientRouteId ?? `restored-${i}`,
        climbId: known ? r.climbId! : null,
        ...(known
          ? {}
          : {
              climb: r.climb ?? {
                name: r.climbName,
                grade: r.grade,
                kind: kindOfGrade(r.grade),
              },
            }),
        isSuccess: r.isSuccess,
        attempts: r.attempts,
        notes: r.notes ?? null,
        rating: r.rating ?? null,
        gradeOpinion: r.gradeOpinion ?? null,
        loggedAt: r.loggedAt ?? null,
        updatedAt: r.updatedAt ?? null,
      };
    });
    return {
      lines: routes.map(() => line),
      snapshot: {
        clientSessionId: s.clientSessionId ?? `restored-${s.id ?? s.startTime}`,
        layoutId,
        ...(layoutId === null ? { place: s.place ?? s.wall ?? s.gym?.name ?? null } : {}),
        startTime: s.startTime,
        endTime: s.endTime ?? null,
        notes: s.notes ?? null,
        baseRevision: null,
        updatedAt: s.updatedAt ?? s.endTime ?? s.startTime,
        routes,
      },
    };
  });
}
