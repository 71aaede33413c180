import { LIMITS } from '@sendlog/contract';
import { notesOrNull } from '@sendlog/rules';
import { SessionStoreError } from './errors.js';
import type {
  LocalRoute,
  LocalSession,
  LogRouteInput,
  RoutePatch,
  StartSessionInput,
} from './model.js';
import { loggedRoute, patchedRoute } from './route-edits.js';
import type { SessionTable, StoreListener } from './session-table.js';
import { clearedRetryState, statusAfterEdit } from './status.js';
import { assertRoomForRoute, assertValidNotes, assertValidRoute } from './validation.js';

/** What the app's screens do with sessions: every call changes memory at once, offline. */
export interface SessionStore {
  startSession(input: StartSessionInput): LocalSession;
  logRoute(sessionId: string, input: LogRouteInput): LocalRoute;
  updateRoute(sessionId: string, routeId: string, patch: RoutePatch): LocalRoute;
  removeRoute(sessionId: string, routeId: string): LocalSession;
  updateNotes(sessionId: string, notes: string | null): LocalSession;
  /** Ends the session (`completed`); one without routes and notes is discarded and null returned. */
  endSession(sessionId: string): LocalSession | null;
  /**
   * Takes an end back: the session runs again, its end time cleared (the app offers it for a few
   * seconds after "End"). Refused while another session runs; a running one is returned as is.
   */
  resumeSession(sessionId: string): LocalSession;
  /** Deletes the local copy; only on an explicit user action. */
  discardSession(sessionId: string): void;
  /**
   * Deletes a session (the active one too), at once and offline. One that never left the phone is
   * simply removed; otherwise it becomes a hidden local tombstone the engine sends as
   * `deleted: true`. Either way it leaves every read at once.
   */
  deleteSession(sessionId: string): void;
  /**
   * Restores a deleted session exactly as it was, while its tombstone has not been sent (a
   * session that never left the phone: until the app restarts). Null when it is too late.
   */
  undoDelete(sessionId: string): LocalSession | null;
  /** Sends a `sync_failed` session again, as it is. */
  retrySession(sessionId: string): LocalSession;
  /** Every session, newest start first; the same array until something changes. */
  getSessions(): readonly LocalSession[];
  getSession(sessionId: string): LocalSession | null;
  getActiveSession(): LocalSession | null;
  subscribe(listener: StoreListener): () => void;
  /** Resolves once every change made so far is in storage. */
  flush(): Promise<void>;
  /** Stored sessions that could not be read; their keys are left untouched in storage. */
  readonly unreadableKeys: readonly string[];
}

export interface LocalEditsOptions {
  /** Clock in epoch milliseconds. */
  nowMs: () => number;
  newId: () => string;
  unreadableKeys: readonly string[];
}

/** The latest of `end` and the routes' `loggedAt`, as the text it was written in. */
function lastMoment(end: string, routes: readonly LocalRoute[]): string {
  return routes.reduce(
    (latest, r) => (Date.parse(r.loggedAt) > Date.parse(latest) ? r.loggedAt : latest),
    end,
  );
}

/** The climber's side of the store: the edits and reads the screens make on the table. */
export function createLocalEdits(table: SessionTable, options: LocalEditsOptions): SessionStore {
  const { nowMs, newId } = options;
  const nowIso = (): string => new Date(nowMs()).toISOString();

  /** A session the climber can see and edit (a deleted one is gone for them). */
  function get(sessionId: string): LocalSession {
    const s = table.get(sessionId);
    if (!s || s.deletion) throw new SessionStoreError('not_found', `no session ${sessionId}`);
    return s;
  }

  /**
   * The time of an edit to something last changed at `previous`: never earlier, even when the
   * phone's clock stepped back, so the server's last-writer-wins merge never prefers the copy an
   * edit was made from over the edit itself.
   */
  function editTime(previous: string): string {
    return new Date(Math.max(nowMs(), Date.parse(previous) + 1)).toISOString();
  }

  /** A local edit: bumps the revision, and makes an ended session need sync again. */
  function edit(s: LocalSession, changes: Partial<LocalSession>): LocalSession {
    const at = editTime(s.updatedAt);
    const wasFailed = s.status === 'sync_failed';
    return {
      ...s,
      ...changes,
      status: statusAfterEdit(s.status),
      updatedAt: at,
      localRevision: s.localRevision + 1,
      ...(wasFailed || s.status === 'synced' ? clearedRetryState() : {}),
    };
  }

  return {
    unreadableKeys: options.unreadableKeys,

    startSession({ layoutId, place }) {
      const active = table.active();
      if (active) {
        throw new SessionStoreError(
          'session_already_active',
          `session ${active.id} is still active; end it first`,
        );
      }
      const where = placeOf(layoutId ?? null, place);
      const at = nowIso();
      const id = newId();
      const s: LocalSession = {
        id,
        clientSessionId: id,
        layoutId: layoutId ?? null,
        ...(where !== null ? { place: where } : {}),
        startTime: at,
        endTime: null,
        notes: null,
        routes: [],
        removedRouteIds: [],
        status: 'active',
        updatedAt: at,
        localRevision: 1,
        sentRevision: null,
        serverRevision: null,
        serverSessionId: null,
        ...clearedRetryState(),
      };
      table.put(s);
      table.emit('edit', [id]);
      return table.get(id) ?? s;
    },

    logRoute(sessionId, input) {
      const s = get(sessionId);
      assertRoomForRoute(s.routes.length);
      const at = editTime(s.updatedAt);
      const logged = loggedRoute(newId(), input, at);
      // A climb forgotten and added once the session ended belongs to that session's day: it is
      // logged at the session's end (after its other routes), so the logbook counts it there, not
      // on the day of the edit.
      const route =
        s.status !== 'active' && s.endTime !== null
          ? Object.freeze({ ...logged, loggedAt: lastMoment(s.endTime, s.routes) })
          : logged;
      assertValidRoute(route);
      table.put(edit(s, { routes: [...s.routes, route] }));
      table.emit('edit', [sessionId]);
      return route;
    },

    updateRoute(sessionId, routeId, patch) {
      const s = get(sessionId);
      const index = s.routes.findIndex((r) => r.id === routeId);
      const current = s.routes[index];
      if (!current) throw new SessionStoreError('not_found', `no route ${routeId} in ${sessionId}`);
      const route = patchedRoute(current, patch, editTime(current.updatedAt));
      assertValidRoute(route);
      const routes = s.routes.slice();
      routes[index] = route;
      table.put(edit(s, { routes }));
      table.emit('edit', [sessionId]);
      return route;
    },

    removeRoute(sessionId, routeId) {
      const s = get(sessionId);
      if (!s.routes.some((r) => r.id === routeId)) {
        throw new SessionStoreError('not_found', `no route ${routeId} in ${sessionId}`);
      }
      // Always remembered, even before a first sync: a request whose answer was lost may have
      // delivered the route already, and only a tombstone keeps a merge from bringing it back.
      const removedRouteIds = s.removedRouteIds.includes(routeId)
        ? s.removedRouteIds
        : [...s.removedRouteIds, routeId];
      const next = edit(s, { routes: s.routes.filter((r) => r.id !== routeId), removedRouteIds });
      table.put(next);
      table.emit('edit', [sessionId]);
      return get(sessionId);
    },

    updateNotes(sessionId, notes) {
      const s = get(sessionId);
      const value = notesOrNull(notes);
      assertValidNotes(value);
      table.put(edit(s, { notes: value }));
      table.emit('edit', [sessionId]);
      return get(sessionId);
    },

    endSession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'active') return s;
      if (s.routes.length === 0 && s.notes == null) {
        table.remove(sessionId);
        table.emit('discard', [sessionId]);
        return null;
      }
      const at = nowMs();
      const start = Date.parse(s.startTime);
      // The server refuses an end before the start or more than 24 h after it; a forgotten
      // session is closed at its longest allowed length rather than rejected forever.
      const end = Math.min(Math.max(at, start), start + LIMITS.maxSessionDurationMs);
      table.put({
        ...s,
        endTime: new Date(end).toISOString(),
        status: 'completed',
        updatedAt: editTime(s.updatedAt),
        localRevision: s.localRevision + 1,
      });
      table.emit('end', [sessionId]);
      return get(sessionId);
    },

    resumeSession(sessionId) {
      const s = get(sessionId);
      if (s.status === 'active') return s;
      const active = table.active();
      if (active) {
        throw new SessionStoreError(
          'session_already_active',
          `session ${active.id} is active; end it before resuming ${sessionId}`,
        );
      }
      // An edit like any other: the revision moves on, so a sync answer to the ended copy does not
      // mark it synced, and the next end sends it again with its new end time.
      table.put({
        ...s,
        status: 'active',
        endTime: null,
        updatedAt: editTime(s.updatedAt),
        localRevision: s.localRevision + 1,
        ...clearedRetryState(),
      });
      table.emit('edit', [sessionId]);
      return get(sessionId);
    },

    discardSession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'active') {
        // It may be on the server already, and stays there (deleteSession deletes it
        // everywhere): remember it, so a pull does not put it back on this phone.
        table.rememberDiscarded([s.id, s.serverSessionId]);
      }
      table.remove(sessionId);
      table.emit('discard', [sessionId]);
    },

    deleteSession(sessionId) {
      const s = get(sessionId);
      if (s.serverSessionId == null && !s.offered) {
        // Never left the phone: nothing to tell the server.
        table.removedUnsent.set(sessionId, s);
        table.remove(sessionId);
      } else {
        const at = editTime(s.updatedAt);
        table.put({
          ...s,
          status: 'completed',
          updatedAt: at,
          localRevision: s.localRevision + 1,
          ...clearedRetryState(),
          deletion: { at, sent: false, before: s },
        });
      }
      table.emit('delete', [sessionId]);
    },

    undoDelete(sessionId) {
      const s = table.get(sessionId);
      const before = s ? (s.deletion && !s.deletion.sent ? s.deletion.before : null) : null;
      const restored = before ?? (s ? null : (table.removedUnsent.get(sessionId) ?? null));
      if (!restored) return null;
      const active = table.active();
      if (restored.status === 'active' && active && active.id !== sessionId) {
        throw new SessionStoreError(
          'session_already_active',
          `session ${active.id} is active; end it before restoring ${sessionId}`,
        );
      }
      table.removedUnsent.delete(sessionId);
      table.put(restored);
      table.emit('restore', [sessionId]);
      return get(sessionId);
    },

    retrySession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'sync_failed') {
        throw new SessionStoreError('not_retryable', `session ${sessionId} is ${s.status}`);
      }
      table.put({ ...s, status: 'completed', ...clearedRetryState() });
      table.emit('edit', [sessionId]);
      return get(sessionId);
    },

    getSessions: () => table.visible(),

    getSession(sessionId) {
      const s = table.get(sessionId);
      return s && !s.deletion ? s : null;
    },

    getActiveSession: () => table.active(),

    subscribe: (listener) => table.subscribe(listener),

    flush: () => table.flush(),
  };
}

/**
 * The place of a new session: free text, trimmed, empty meaning none; never beside a wall (the
 * server refuses a session with both, see docs/api.md).
 */
function placeOf(layoutId: string | null, place: string | null | undefined): string | null {
  const text = place?.trim() ?? '';
  if (text === '') return null;
  if (layoutId !== null) {
    throw new SessionStoreError('invalid_input', 'place: a session at a wall has no place', [
      { path: 'place', message: 'a session at a catalogued wall (layoutId) has no place' },
    ]);
  }
  if (text.length > LIMITS.maxPlace) {
    const message = `must be at most ${LIMITS.maxPlace} chars`;
    throw new SessionStoreError('invalid_input', `place ${message}`, [{ path: 'place', message }]);
  }
  return text;
}
