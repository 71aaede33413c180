/** The LocalSession model of docs/architecture.md: what the phone keeps of each climbing session. */

import type { EditableRouteField, RouteContent } from '@sendlog/contract';

export type LocalSessionStatus = 'active' | 'completed' | 'synced' | 'sync_failed';

/** A route as the phone keeps it: the declared content (`ROUTE_CONTENT_FIELDS`) plus identity. */
export type LocalRoute = Readonly<RouteContent> & {
  /** Client id of the route; sent as `clientRouteId`. */
  readonly id: string;
  readonly updatedAt: string;
  /**
   * The climb's grade as the server recorded it for this route, which a later regrade of the climb
   * leaves alone; absent until the server's copy of the session reached this device (the
   * catalogue's grade stands in until then, as the server takes it when the route arrives).
   */
  readonly grade?: string;
};

export interface SyncErrorInfo {
  readonly code: string;
  readonly message: string;
  /** Permanent errors wait for an edit or an explicit retry; the others are retried with backoff. */
  readonly permanent: boolean;
}

/**
 * What the first design stored about a session that this model has no field for, kept verbatim so
 * an import never loses data.
 */
export interface LegacyOrigin {
  readonly status: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly routeExtras: readonly (Readonly<Record<string, unknown>> | null)[];
}

export interface LocalSession {
  /** Client UUID (or the first design's `local_<ms>_<rand>` id for imported sessions). */
  readonly id: string;
  /**
   * The idempotency key sent as `clientSessionId`: equal to `id`, except for sessions imported
   * from the first design (and sessions created without one elsewhere), which the server knows by
   * their start time; for those it is null and the snapshot goes without it.
   */
  readonly clientSessionId: string | null;
  readonly layoutId: string | null;
  /**
   * Where a session away from every catalogued wall took place. Absent on sessions stored before
   * places existed (schema version 1), which reads as null.
   */
  readonly place?: string | null;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly notes: string | null;
  readonly routes: readonly LocalRoute[];
  /** Routes removed locally since the last confirmed sync, sent so the server tombstones them. */
  readonly removedRouteIds: readonly string[];
  readonly status: LocalSessionStatus;
  /** Client time of the last edit. */
  readonly updatedAt: string;
  /** Bumped by every local edit. */
  readonly localRevision: number;
  /** The localRevision the last confirmed sync carried. */
  readonly sentRevision: number | null;
  /** The server's revision after that sync: the next `baseRevision`. */
  readonly serverRevision: number | null;
  readonly serverSessionId: string | null;
  readonly lastError: SyncErrorInfo | null;
  readonly attemptCount: number;
  readonly nextAttemptAt: string | null;
  /** Present only on sessions imported from the first design's storage. */
  readonly legacy?: LegacyOrigin;
  /**
   * A request carrying this session has left: the server may hold it even if no answer came
   * back, so deleting it must tell the server.
   */
  readonly offered?: boolean;
  /** Set once the climber deleted the session: a local tombstone, hidden from every read. */
  readonly deletion?: LocalDeletion;
}

/**
 * A deleted session waiting to tell the server (`deleted: true`). The engine holds it back for a
 * few seconds (the app's Undo) unless syncNow() is called; once it has been sent the delete is
 * for good, and once the server confirms it the session leaves the device.
 */
export interface LocalDeletion {
  /** Client time of the delete. */
  readonly at: string;
  /** A request carrying the tombstone has left: from then on it cannot be undone. */
  readonly sent: boolean;
  /** The session as it was (kept up to date with answers and pulls): what undo restores. */
  readonly before: LocalSession;
}

export interface StartSessionInput {
  layoutId: string | null;
  /** A session elsewhere (a crag, another gym): free text, only without a wall. */
  place?: string | null;
}

/**
 * What logging a route takes: every editable field of the declaration, those that may be null
 * optional (left out = null).
 */
export type LogRouteInput = {
  [K in EditableRouteField as null extends RouteContent[K] ? never : K]: RouteContent[K];
} & {
  [K in EditableRouteField as null extends RouteContent[K] ? K : never]?: RouteContent[K];
};

export type RoutePatch = Partial<LogRouteInput>;

/** The subset of AsyncStorage the store needs, so the app can pass AsyncStorage itself. */
export interface KeyValueStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  multiGet(keys: readonly string[]): Promise<readonly (readonly [string, string | null])[]>;
  multiSet(pairs: readonly (readonly [string, string])[]): Promise<void>;
  multiRemove(keys: readonly string[]): Promise<void>;
  getAllKeys(): Promise<readonly string[]>;
}
