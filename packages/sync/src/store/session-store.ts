import { LIMITS } from '@sendlog/contract';
import { isTombstone, type SessionOrTombstone } from '@sendlog/contract';
import { notesOrNull } from '@sendlog/rules';
import { SessionStoreError } from './errors.js';
import { migrateStorage } from './migrations.js';
import type {
  KeyValueStorage,
  LocalRoute,
  LocalSession,
  LogRouteInput,
  RoutePatch,
  StartSessionInput,
} from './model.js';
import { defaultUuid } from './ids.js';
import { loadSessions } from './load.js';
import { sameIdentity } from './server-copy.js';
import { clearedRetryState, needsSync, statusAfterEdit } from './status.js';
import type { SyncPort } from './sync-port.js';
import { applyOutcome, markOffered, mergeServerCopy } from './sync-results.js';
import {
  STORAGE_KEYS,
  decodeIndex,
  encodeIndex,
  encodeSession,
  sessionKey,
} from './storage-layout.js';
import { SerialWriteQueue } from './write-queue.js';
import { assertRoomForRoute, assertValidNotes, assertValidRoute } from './validation.js';

export interface SessionStoreOptions {
  storage: KeyValueStorage;
  /** Clock in epoch milliseconds (or a Date). */
  now?: () => number | Date;
  /** Id source for sessions and routes; the app passes a cryptographic UUID v4. */
  uuid?: () => string;
  /**
   * Where to look for the first design's `localSessions` array when it is not in `storage`
   * (an app that gives each account its own key prefix passes the unprefixed storage here).
   */
  legacyStorage?: KeyValueStorage;
}

/** Why listeners were called: the engine starts a sync when a session ends. */
export type StoreChangeReason =
  | 'edit'
  | 'end'
  | 'discard'
  | 'sync'
  | 'pull'
  /** The climber deleted a session (the engine sends it once the undo time is over). */
  | 'delete'
  /** A delete was undone. */
  | 'restore';

export interface StoreChange {
  readonly reason: StoreChangeReason;
  readonly sessionIds: readonly string[];
}

export type StoreListener = (change: StoreChange) => void;

export interface SessionStore {
  startSession(input: StartSessionInput): LocalSession;
  logRoute(sessionId: string, input: LogRouteInput): LocalRoute;
  updateRoute(sessionId: string, routeId: string, patch: RoutePatch): LocalRoute;
  removeRoute(sessionId: string, routeId: string): LocalSession;
  updateNotes(sessionId: string, notes: string | null): LocalSession;
  /** Ends the session (`completed`); one without routes and notes is discarded and null returned. */
  endSession(sessionId: string): LocalSession | null;
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

export type { PushOutcome, SentCopy, SyncPort } from './sync-port.js';

const syncPorts = new WeakMap<SessionStore, SyncPort>();

/** The engine's access to a store made by `createSessionStore`. */
export function syncPortOf(store: SessionStore): SyncPort {
  const port = syncPorts.get(store);
  if (!port) throw new TypeError('not a store made by createSessionStore');
  return port;
}

export async function createSessionStore(options: SessionStoreOptions): Promise<SessionStore> {
  const { storage } = options;
  const nowMs = (): number => {
    const t = options.now ? options.now() : Date.now();
    return typeof t === 'number' ? t : t.getTime();
  };
  const nowIso = (): string => new Date(nowMs()).toISOString();
  const newId = options.uuid ?? defaultUuid;

  const legacyStorage = options.legacyStorage ?? storage;
  await migrateStorage({ storage, legacyStorage, nowIso: nowIso(), newId });
  const loaded = await loadSessions(storage);

  const sessions = new Map<string, LocalSession>(loaded.sessions.map((s) => [s.id, s]));
  let pullCursor = (await storage.getItem(STORAGE_KEYS.pullCursor)) ?? '';
  let lastSyncAt = isoOrNull(await storage.getItem(STORAGE_KEYS.lastSyncAt));
  const discarded = new Set(decodeIndex(await storage.getItem(STORAGE_KEYS.discarded)));
  const writer = new SerialWriteQueue(storage, STORAGE_KEYS.index);
  /** Sessions deleted before they ever left the phone, by id: what undoDelete restores. */
  const removedUnsent = new Map<string, LocalSession>();
  const listeners = new Set<StoreListener>();
  /** Newest first; rebuilt only when sessions come or go (start times never change). */
  let orderedIds: string[] | null = null;
  let positions = new Map<string, number>();
  let snapshot: readonly LocalSession[] | null = null;
  if (loaded.indexStale) writeIndex();

  function writeSession(id: string): void {
    writer.mark(sessionKey(id), () => {
      const s = sessions.get(id);
      return s ? encodeSession(s) : null;
    });
  }

  function writeIndex(): void {
    orderedIds = null;
    snapshot = null;
    writer.mark(STORAGE_KEYS.index, () => encodeIndex(sessions.keys()));
  }

  function emit(reason: StoreChangeReason, sessionIds: readonly string[]): void {
    const change: StoreChange = { reason, sessionIds };
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A broken listener must not undo a stored change; surface it without unwinding.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  // Kept up to date by put/remove, so neither reading them nor logging a route walks the history.
  let pending = 0;
  let activeId: string | null = null;
  for (const s of sessions.values()) {
    if (needsSync(s)) pending += 1;
    if (s.status === 'active') activeId = s.id;
  }

  function remove(sessionId: string): void {
    const old = sessions.get(sessionId);
    if (old && needsSync(old)) pending -= 1;
    if (activeId === sessionId) activeId = null;
    sessions.delete(sessionId);
    writeSession(sessionId);
    writeIndex();
  }

  function put(s: LocalSession): void {
    const old = sessions.get(s.id);
    const isNew = !old;
    if (old && (old.deletion == null) !== (s.deletion == null)) {
      // Deleted or restored: it leaves or rejoins the list, so the list is rebuilt.
      orderedIds = null;
      snapshot = null;
    }
    pending += Number(needsSync(s)) - Number(old ? needsSync(old) : false);
    if (s.status === 'active') activeId = s.id;
    else if (activeId === s.id) activeId = null;
    sessions.set(s.id, Object.freeze(s));
    writeSession(s.id);
    if (isNew) {
      writeIndex();
    } else if (snapshot) {
      // One session changed: a new array with that element replaced, not a rebuild and sort.
      const at = positions.get(s.id);
      const next = snapshot.slice();
      if (at !== undefined) next[at] = s;
      // Typed readonly rather than frozen: freezing a large array costs V8 a slow copy.
      snapshot = next;
    }
  }

  /** A session the climber can see and edit (a deleted one is gone for them). */
  function get(sessionId: string): LocalSession {
    const s = sessions.get(sessionId);
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

  function activeSession(): LocalSession | null {
    return activeId == null ? null : (sessions.get(activeId) ?? null);
  }

  const store: SessionStore = {
    unreadableKeys: loaded.unreadableKeys,

    startSession({ layoutId }) {
      const active = activeSession();
      if (active) {
        throw new SessionStoreError(
          'session_already_active',
          `session ${active.id} is still active; end it first`,
        );
      }
      const at = nowIso();
      const id = newId();
      const s: LocalSession = {
        id,
        clientSessionId: id,
        layoutId: layoutId ?? null,
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
      put(s);
      emit('edit', [id]);
      return sessions.get(id) ?? s;
    },

    logRoute(sessionId, input) {
      const s = get(sessionId);
      assertRoomForRoute(s.routes.length);
      const at = editTime(s.updatedAt);
      const route: LocalRoute = Object.freeze({
        id: newId(),
        climbId: input.climbId,
        isSuccess: input.isSuccess,
        attempts: input.attempts,
        notes: input.notes ?? null,
        rating: input.rating ?? null,
        gradeOpinion: input.gradeOpinion ?? null,
        loggedAt: at,
        updatedAt: at,
      });
      assertValidRoute(route);
      put(edit(s, { routes: [...s.routes, route] }));
      emit('edit', [sessionId]);
      return route;
    },

    updateRoute(sessionId, routeId, patch) {
      const s = get(sessionId);
      const index = s.routes.findIndex((r) => r.id === routeId);
      const current = s.routes[index];
      if (!current) throw new SessionStoreError('not_found', `no route ${routeId} in ${sessionId}`);
      // Another climb: the grade the server recorded was the old climb's.
      const { grade, ...kept } = current;
      const sameClimb = patch.climbId === undefined || patch.climbId === current.climbId;
      const route: LocalRoute = Object.freeze({
        ...kept,
        ...(sameClimb && grade !== undefined ? { grade } : {}),
        ...editableFields(patch),
        updatedAt: editTime(current.updatedAt),
      });
      assertValidRoute(route);
      const routes = s.routes.slice();
      routes[index] = route;
      put(edit(s, { routes }));
      emit('edit', [sessionId]);
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
      put(next);
      emit('edit', [sessionId]);
      return get(sessionId);
    },

    updateNotes(sessionId, notes) {
      const s = get(sessionId);
      const value = notesOrNull(notes);
      assertValidNotes(value);
      put(edit(s, { notes: value }));
      emit('edit', [sessionId]);
      return get(sessionId);
    },

    endSession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'active') return s;
      if (s.routes.length === 0 && s.notes == null) {
        remove(sessionId);
        emit('discard', [sessionId]);
        return null;
      }
      const at = nowMs();
      const start = Date.parse(s.startTime);
      // The server refuses an end before the start or more than 24 h after it; a forgotten
      // session is closed at its longest allowed length rather than rejected forever.
      const end = Math.min(Math.max(at, start), start + LIMITS.maxSessionDurationMs);
      put({
        ...s,
        endTime: new Date(end).toISOString(),
        status: 'completed',
        updatedAt: editTime(s.updatedAt),
        localRevision: s.localRevision + 1,
      });
      emit('end', [sessionId]);
      return get(sessionId);
    },

    discardSession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'active') {
        // It may be on the server already, and stays there (deleteSession deletes it
        // everywhere): remember it, so a pull does not put it back on this phone.
        for (const id of [s.id, s.serverSessionId]) if (id != null) discarded.add(id);
        writer.mark(STORAGE_KEYS.discarded, () => encodeIndex(discarded));
      }
      remove(sessionId);
      emit('discard', [sessionId]);
    },

    deleteSession(sessionId) {
      const s = get(sessionId);
      if (s.serverSessionId == null && !s.offered) {
        // Never left the phone: nothing to tell the server.
        removedUnsent.set(sessionId, s);
        remove(sessionId);
      } else {
        const at = editTime(s.updatedAt);
        put({
          ...s,
          status: 'completed',
          updatedAt: at,
          localRevision: s.localRevision + 1,
          ...clearedRetryState(),
          deletion: { at, sent: false, before: s },
        });
      }
      emit('delete', [sessionId]);
    },

    undoDelete(sessionId) {
      const s = sessions.get(sessionId);
      const before = s ? (s.deletion && !s.deletion.sent ? s.deletion.before : null) : null;
      const restored = before ?? (s ? null : (removedUnsent.get(sessionId) ?? null));
      if (!restored) return null;
      const active = activeSession();
      if (restored.status === 'active' && active && active.id !== sessionId) {
        throw new SessionStoreError(
          'session_already_active',
          `session ${active.id} is active; end it before restoring ${sessionId}`,
        );
      }
      removedUnsent.delete(sessionId);
      put(restored);
      emit('restore', [sessionId]);
      return get(sessionId);
    },

    retrySession(sessionId) {
      const s = get(sessionId);
      if (s.status !== 'sync_failed') {
        throw new SessionStoreError('not_retryable', `session ${sessionId} is ${s.status}`);
      }
      put({ ...s, status: 'completed', ...clearedRetryState() });
      emit('edit', [sessionId]);
      return get(sessionId);
    },

    getSessions() {
      if (snapshot) return snapshot;
      orderedIds ??= [...sessions.values()].sort(compareNewestFirst).map((s) => s.id);
      const list = orderedIds
        .map((id) => sessions.get(id))
        .filter((s): s is LocalSession => s != null && s.deletion == null);
      positions = new Map(list.map((s, i) => [s.id, i]));
      snapshot = list;
      return snapshot;
    },

    getSession(sessionId) {
      const s = sessions.get(sessionId);
      return s && !s.deletion ? s : null;
    },

    getActiveSession: activeSession,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    flush: () => writer.flush(),
  };

  const port: SyncPort = {
    sessionsToSync(deletedBefore = Infinity) {
      return [...sessions.values()]
        .filter((s) => needsSync(s) && !(s.deletion && Date.parse(s.deletion.at) > deletedBefore))
        .sort((a, b) => -compareNewestFirst(a, b));
    },

    markOffered(copies) {
      const going = [];
      for (const sent of copies) {
        const s = sessions.get(sent.sessionId);
        // Deleted before it ever left: it must not leave now.
        if (!s && removedUnsent.has(sent.sessionId)) continue;
        going.push(sent);
        if (!s) continue;
        const next = markOffered(s, sent);
        if (next !== s) put(next);
      }
      return going;
    },

    pendingCount: () => pending,

    applyOutcomes(outcomes) {
      const changed: string[] = [];
      for (const outcome of outcomes) {
        const s = sessions.get(outcome.sent.sessionId);
        // Discarded while the request was out: the user asked for it to go.
        if (!s) continue;
        const next = applyOutcome(s, outcome);
        if (next === null) {
          remove(s.id);
          changed.push(s.id);
        } else if (next !== s) {
          put(next);
          changed.push(s.id);
        }
      }
      if (changed.length > 0) emit('sync', changed);
    },

    applyServerSessions(serverSessions, nextCursor) {
      const changed: string[] = [];
      const byServerId = new Map<string, LocalSession>();
      for (const local of sessions.values()) {
        if (local.serverSessionId != null) byServerId.set(local.serverSessionId, local);
      }
      for (const remote of serverSessions) {
        if (
          discarded.has(remote.id) ||
          (remote.clientSessionId && discarded.has(remote.clientSessionId))
        ) {
          continue;
        }
        const local = findLocalCopy(remote, byServerId);
        if (isTombstone(remote)) {
          // Deleted on the server (from any device): the local copy goes, whatever it holds.
          if (local) {
            remove(local.id);
            changed.push(local.id);
          }
          continue;
        }
        const next = mergeServerCopy(local, remote, (id) => sessions.has(id));
        if (next && next !== local) {
          put(next);
          changed.push(next.id);
        }
      }
      if (nextCursor !== undefined && nextCursor !== pullCursor) {
        pullCursor = nextCursor;
        // Marked after the page's sessions, so the cursor never gets ahead of what is stored.
        writer.mark(STORAGE_KEYS.pullCursor, () => pullCursor);
      }
      if (changed.length > 0) emit('pull', changed);
      return changed.length;
    },

    pullCursor: () => pullCursor,

    lastSyncAt: () => lastSyncAt,

    recordSyncSuccess(at) {
      lastSyncAt = at;
      writer.mark(STORAGE_KEYS.lastSyncAt, () => lastSyncAt);
    },
  };

  function findLocalCopy(
    remote: SessionOrTombstone,
    byServerId: Map<string, LocalSession>,
  ): LocalSession | null {
    const known = byServerId.get(remote.id);
    if (known) return sessions.get(known.id) ?? null;
    if (remote.clientSessionId != null) {
      const byId = sessions.get(remote.clientSessionId);
      return byId && sameIdentity(byId, remote) ? byId : null;
    }
    // Known to the server by start time only (the first design's sessions): a rare walk.
    for (const s of sessions.values()) if (sameIdentity(s, remote)) return s;
    return null;
  }

  syncPorts.set(store, port);
  return store;
}

function compareNewestFirst(a: LocalSession, b: LocalSession): number {
  const byStart = Date.parse(b.startTime) - Date.parse(a.startTime);
  if (byStart !== 0) return byStart;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const EDITABLE_ROUTE_FIELDS = [
  'climbId',
  'isSuccess',
  'attempts',
  'notes',
  'rating',
  'gradeOpinion',
] as const satisfies readonly (keyof RoutePatch)[];

/** The fields a patch sets (undefined leaves a field as it is; ids and times are not editable). */
function editableFields(patch: RoutePatch): RoutePatch {
  const out: Record<string, unknown> = {};
  for (const key of EDITABLE_ROUTE_FIELDS) if (patch[key] !== undefined) out[key] = patch[key];
  return out as RoutePatch;
}

/** A stored time, or null when the text is not one (never shown as "Invalid Date"). */
function isoOrNull(text: string | null): string | null {
  return text != null && !Number.isNaN(Date.parse(text)) ? text : null;
}
