import { AppState } from 'react-native';
import { createHttpClient, createSessionStore, createSyncEngine } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import { createCatalogueAdminApi } from '../api/catalogueAdminApi';
import type { CatalogueAdminApi } from '../api/catalogueAdminApi';
import { createSendlogApi } from '../api/sendlogApi';
import { createAuthStore } from '../auth/authStore';
import type { AuthResult, AuthStore } from '../auth/authStore';
import { createCatalogueStore } from '../catalogue/catalogueStore';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import type { Connectivity } from '../connectivity/netInfoConnectivity';
import { scopedStorage } from '../storage/keyValueStorage';
import { createRecentDeletes } from '../sync/recentDelete';
import { createRecentEnds } from '../sync/recentEnd';
import type { RecentEnds } from '../sync/recentEnd';
import type { RecentDeletes } from '../sync/recentDelete';
import type { KeyValueStorage, SessionStore, SyncEngine } from '../sync/types';
import { createRemoteWallPictures } from '../wallPictures/wallPictures';
import type { WallPictures } from '../wallPictures/wallPictures';
import { createEmitter } from '../lib/emitter';

/** The signed-in climber's sessions and the engine that syncs them. */
export interface Account {
  userId: string;
  store: SessionStore;
  engine: SyncEngine;
  /** The last delete, while its "Undo" is offered. */
  deletes: RecentDeletes;
  /** The last session ended, while its "Undo" is offered. */
  ends: RecentEnds;
}

export interface AppServices {
  auth: AuthStore;
  catalogue: CatalogueStore;
  /** A setter's catalogue changes (the Manage screens); they need the server there and then. */
  catalogueAdmin: CatalogueAdminApi;
  connectivity: Connectivity;
  /** The layouts' wall pictures, kept on the device for offline sessions. */
  pictures: WallPictures;
  /** null while signed out or while the account's storage is being opened. */
  getAccount(): Account | null;
  subscribeAccount(listener: () => void): () => void;
  /** Reads what is kept on the device, then wires the sync triggers. */
  start(): Promise<void>;
  /** "Sync now": push and pull sessions, refresh the catalogue. */
  syncNow(): Promise<void>;
  /** Signs out; the account's sessions stay on the device and sync after the next sign-in. */
  signOut(): Promise<void>;
  /** Ends the account's sign-in on every device (see AuthStore.signOutEverywhere). */
  signOutEverywhere(): Promise<AuthResult>;
  dispose(): void;
}

export interface AppServicesOptions {
  storage: KeyValueStorage;
  baseUrl: string;
  fetch: FetchLike;
  connectivity: Connectivity;
  /** Ids of new sessions and routes. */
  uuid?: () => string;
  /** Calls back when the app comes to the foreground; React Native's AppState by default. */
  onForeground?: (listener: () => void) => () => void;
  /** Where wall pictures are kept (the platform's cache); from the server alone by default. */
  pictures?: WallPictures;
}

function onAppStateActive(listener: () => void): () => void {
  const subscription = AppState.addEventListener('change', (state) => {
    if (state === 'active') listener();
  });
  return () => subscription.remove();
}

/**
 * Composes the app's long-lived objects. Triggers of a sync: app start and network back (the
 * engine's own, via `start()`), a session ended (the engine's own), foreground, and "Sync now".
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { storage, baseUrl, connectivity } = options;
  const fetchFn = options.fetch;
  const http = createHttpClient({ baseUrl, fetch: fetchFn });
  const api = createSendlogApi(http);
  const catalogueAdmin = createCatalogueAdminApi(http);
  const auth = createAuthStore({ storage, api });
  const pictures = options.pictures ?? createRemoteWallPictures(baseUrl);
  const catalogue = createCatalogueStore({ storage, api, pictures });
  const accountEmitter = createEmitter();
  let account: Account | null = null;
  let opening: { userId: string; done: Promise<void> } | null = null;
  const cleanups: (() => void)[] = [];
  let started: Promise<void> | null = null;

  const refreshCatalogue = () => {
    if (connectivity.isOnline() === false) return;
    void catalogue.refresh(auth.getToken());
    // The role and grade system ride along: a setter made today sees "Manage" at the next refresh.
    void auth.refreshUser();
  };

  function closeAccount(): void {
    account?.engine.stop();
    account?.deletes.dispose();
    account?.ends.dispose();
    account = null;
    opening = null;
    accountEmitter.emit();
  }

  async function openAccount(userId: string): Promise<void> {
    const store = await createSessionStore({
      storage: scopedStorage(storage, `sendlog.user.${userId}.`),
      // The first design kept one array for the device's only account: the first account to
      // open here imports it.
      legacyStorage: storage,
      ...(options.uuid ? { uuid: options.uuid } : {}),
    });
    const engine = createSyncEngine({
      store,
      baseUrl,
      fetch: fetchFn,
      connectivity,
      getToken: () => auth.getToken(),
      onAuthRequired: () => auth.markExpired(),
    });
    if (opening?.userId !== userId) return; // signed out while opening
    account = {
      userId,
      store,
      engine,
      deletes: createRecentDeletes(store, engine),
      ends: createRecentEnds(store),
    };
    accountEmitter.emit();
    engine.start();
  }

  function followAuth(): void {
    const state = auth.getState();
    const userId = state.status === 'signedIn' ? state.user.id : null;
    if (userId === null) {
      if (account || opening) closeAccount();
      return;
    }
    if (account?.userId === userId || opening?.userId === userId) {
      // Same account, maybe a fresh token after an expiry: sync what waited for it.
      if (account && state.status === 'signedIn' && !state.expired) void account.engine.syncNow();
      return;
    }
    if (account) closeAccount();
    opening = { userId, done: openAccount(userId) };
    refreshCatalogue();
  }

  async function startOnce(): Promise<void> {
    await Promise.all([auth.load(), catalogue.load(), pictures.load()]);
    cleanups.push(auth.subscribe(followAuth));
    followAuth();
    await opening?.done;
    cleanups.push(
      connectivity.subscribe(() => {
        if (connectivity.isOnline()) refreshCatalogue();
      }),
      (options.onForeground ?? onAppStateActive)(() => {
        refreshCatalogue();
        void account?.engine.syncNow();
      }),
    );
  }

  return {
    auth,
    catalogue,
    catalogueAdmin,
    connectivity,
    pictures,
    getAccount: () => account,
    subscribeAccount: accountEmitter.subscribe,
    start() {
      started ??= startOnce();
      return started;
    },
    async syncNow() {
      refreshCatalogue();
      await account?.engine.syncNow();
    },
    async signOut() {
      await auth.signOut();
    },
    signOutEverywhere: () => auth.signOutEverywhere(),
    dispose() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      account?.engine.stop();
      account?.deletes.dispose();
      account?.ends.dispose();
    },
  };
}
