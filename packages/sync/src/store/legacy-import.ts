import { isoDateTime } from '@sendlog/contract';
import type { LocalRoute, LocalSession, LocalSessionStatus } from './model.js';
import { isRecord } from './storage-layout.js';

const SESSION_FIELDS = new Set([
  'id',
  'layoutId',
  'startTime',
  'endTime',
  'notes',
  'routes',
  'status',
  'serverSessionId',
  'updatedAt',
]);
const ROUTE_FIELDS = new Set([
  'climbId',
  'isSuccess',
  'attempts',
  'notes',
  'rating',
  'gradeOpinion',
  'loggedAt',
  'updatedAt',
]);

/**
 * Turns the first design's `localSessions` array into LocalSessions without losing a field: the
 * fields this model has are mapped, every other one is kept in `legacy`.
 *
 * The old client sent neither a session id nor route ids, so the server knows its sessions by
 * start time and its routes by position. Imported sessions therefore keep `clientSessionId: null`
 * and route ids `pos-<index>`: a copy the old client already delivered without seeing the answer
 * is then recognised as the same session with the same routes, never duplicated.
 */
export function importLegacySessions(
  raw: unknown,
  nowIso: string,
  newId: () => string,
): LocalSession[] {
  if (!Array.isArray(raw)) return [];
  const items = raw.filter(isRecord);
  const sessions = items.map((item) => importOne(item, nowIso, newId));
  // One active session at a time: the newest stays active, older ones count as ended.
  const active = sessions
    .filter((s) => s.status === 'active')
    .sort((a, b) => b.startTime.localeCompare(a.startTime));
  const keep = active[0]?.id;
  return sessions.map((s) =>
    s.status === 'active' && s.id !== keep ? { ...s, status: 'completed' } : s,
  );
}

function importOne(
  item: Record<string, unknown>,
  nowIso: string,
  newId: () => string,
): LocalSession {
  const id = typeof item.id === 'string' && item.id !== '' ? item.id : newId();
  const startTime =
    toIso(item.startTime) ?? toIso(msFromLegacyId(id)) ?? toIso(item.createdAt) ?? nowIso;
  const endTime = toIso(item.endTime);
  const fallbackTime = endTime ?? startTime;
  const updatedAt = toIso(item.updatedAt) ?? fallbackTime;
  const rawRoutes = Array.isArray(item.routes) ? item.routes : [];
  const routes: LocalRoute[] = [];
  const routeExtras: (Record<string, unknown> | null)[] = [];
  rawRoutes.forEach((r: unknown, index) => {
    const route: Record<string, unknown> = isRecord(r) ? r : { value: r };
    const loggedAt = toIso(route.loggedAt) ?? fallbackTime;
    const attempts = Number(route.attempts);
    routes.push({
      id: `pos-${index}`,
      climbId: route.climbId == null ? '' : String(route.climbId),
      isSuccess: route.isSuccess === true,
      // An unreadable count becomes 0, which the server rejects: the climber sees it and fixes it.
      attempts: Number.isInteger(attempts) ? attempts : 0,
      notes: stringOrNull(route.notes),
      rating: typeof route.rating === 'number' ? route.rating : null,
      gradeOpinion: stringOrNull(route.gradeOpinion),
      loggedAt,
      updatedAt: toIso(route.updatedAt) ?? loggedAt,
    });
    const extra = pick(route, (k) => !ROUTE_FIELDS.has(k));
    if (!Number.isInteger(attempts) && 'attempts' in route) extra.attempts = route.attempts;
    routeExtras.push(Object.keys(extra).length > 0 ? extra : null);
  });
  const legacyStatus = typeof item.status === 'string' ? item.status : 'completed';
  const status = importedStatus(legacyStatus, item.serverSessionId);
  const synced = status === 'synced';
  return {
    id,
    clientSessionId: null,
    layoutId: typeof item.layoutId === 'string' ? item.layoutId : null,
    startTime,
    endTime,
    notes: stringOrNull(item.notes),
    routes,
    removedRouteIds: [],
    status,
    updatedAt,
    localRevision: 1,
    sentRevision: synced ? 1 : null,
    // Unknown: the old server had no revisions. A later edit is therefore merged, never replaced.
    serverRevision: null,
    serverSessionId: typeof item.serverSessionId === 'string' ? item.serverSessionId : null,
    lastError: null,
    attemptCount: 0,
    nextAttemptAt: null,
    legacy: {
      status: legacyStatus,
      extra: pick(item, (k) => !SESSION_FIELDS.has(k)),
      routeExtras,
    },
  };
}

/**
 * The old client marked any failure, even a dropped connection, as `sync_failed`, so those are
 * sent again; only a session it saw confirmed counts as synced.
 */
function importedStatus(legacy: string, serverSessionId: unknown): LocalSessionStatus {
  if (legacy === 'active') return 'active';
  if (legacy === 'synced' && typeof serverSessionId === 'string') return 'synced';
  return 'completed';
}

function msFromLegacyId(id: string): number | null {
  const m = /^local_(\d{10,})_/.exec(id);
  return m?.[1] ? Number(m[1]) : null;
}

/** Keeps a valid ISO string as written (the server may dedupe on it); converts other dates. */
function toIso(v: unknown): string | null {
  if (typeof v === 'string' && isoDateTime.safeParse(v).success) return v;
  if (typeof v === 'string' || typeof v === 'number') {
    const ms = typeof v === 'number' ? v : Date.parse(v);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  return null;
}

function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function pick(o: Record<string, unknown>, keep: (key: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keep(k)));
}
