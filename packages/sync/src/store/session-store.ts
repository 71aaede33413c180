import { createLocalEdits, type SessionStore } from './local-edits.js';
import { migrateStorage } from './migrations.js';
import type { KeyValueStorage } from './model.js';
import { defaultUuid } from './ids.js';
import { loadSessions } from './load.js';
import { SessionTable } from './session-table.js';
import { STORAGE_KEYS, decodeIndex } from './storage-layout.js';
import { createSyncAccess, loadSyncMarks } from './sync-access.js';
import type { SyncPort } from './sync-port.js';

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

export type { SessionStore } from './local-edits.js';
export type { StoreChange, StoreChangeReason, StoreListener } from './session-table.js';
export type { PushOutcome, SentCopy, SyncPort } from './sync-port.js';

const syncPorts = new WeakMap<SessionStore, SyncPort>();

/** The engine's access to a store made by `createSessionStore`. */
export function syncPortOf(store: SessionStore): SyncPort {
  const port = syncPorts.get(store);
  if (!port) throw new TypeError('not a store made by createSessionStore');
  return port;
}

/**
 * Opens the sessions kept in `storage` (migrating older layouts first): one table in memory, with
 * the climber's edits as the store and the engine's access to it kept off the public API.
 */
export async function createSessionStore(options: SessionStoreOptions): Promise<SessionStore> {
  const { storage } = options;
  const nowMs = (): number => {
    const t = options.now ? options.now() : Date.now();
    return typeof t === 'number' ? t : t.getTime();
  };
  const newId = options.uuid ?? defaultUuid;

  const legacyStorage = options.legacyStorage ?? storage;
  await migrateStorage({ storage, legacyStorage, nowIso: new Date(nowMs()).toISOString(), newId });
  const loaded = await loadSessions(storage);
  const marks = await loadSyncMarks(storage);
  const discarded = decodeIndex(await storage.getItem(STORAGE_KEYS.discarded));

  const table = new SessionTable(storage, loaded, discarded);
  const store = createLocalEdits(table, { nowMs, newId, unreadableKeys: loaded.unreadableKeys });
  syncPorts.set(store, createSyncAccess(table, marks));
  return store;
}
