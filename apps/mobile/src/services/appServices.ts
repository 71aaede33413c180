import { AppState } from 'react-native';
import { createHttpClient, createSessionStore, createSyncEngine } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import { createCatalogueAdminApi } from '../api/catalogueAdminApi';
import type { CatalogueAdminApi } from '../api/catalogueAdminApi';
import { createGymsApi } from '../api/gymsApi';
import type { GymsApi } from '../api/gymsApi';
import { createSendlogApi } from '../api/sendlogApi';
import { createAuthStore } from '../auth/authStore';
import type { AuthResult, AuthStore } from '../auth/authStore';
import { createCatalogueStore } from '../catalogue/catalogueStore';
import type { CatalogueStore } from '../catalogue/catalogueStore';
import type { Connectivity } from '../connectivity/netInfoConnectivity';
import { createMyGymsStore } from '../gyms/myGymsStore';
import type { MyGymsStore } from '../gyms/myGymsStore';
import { createInsightsCache, type InsightsCache } from '../insights/insightsCache';
import { createWallVisits, type WallVisits } from '../logbook/wallVisits';
import { accountStorage, forgetAccountData } from '../storage/accountData';
import { createRecentActions } from '../sync/recentActions';
import type { RecentActions } from '../sync/recentActions';
import type { KeyValueStorage, SessionStore, SyncEngine } from '../sync/types';
import { createRemoteWallPictures } from '../wallPictures/wallPictures';
import type { WallPictures } from '../wallPictures/wallPictures';
import { createEmitter } from '../lib/emitter';
import type { Gym } from '@sendlog/contract';

/** The signed-in climber's sessions and the engine that syncs them. */
export interface Account {
  userId: string;
  store: SessionStore;
  engine: SyncEngine;
  /** The last session ended or deleted, or route removed, while its "Undo" is offered. */
  recent: RecentActions;
  /** The gyms this account follows (or is staff of), kept on the device. */
  gyms: MyGymsStore;
  /** What each wall held when last opened: its "New" climbs. */
  wallVisits: WallVisits;
  /** The last insights answer per gym and period this account was shown (staff, offline). */
  insights: InsightsCache;
}

export interface AppServices {
  auth: AuthStore;
  catalogue: CatalogueStore;
  /** A setter's catalogue changes (the Manage screens); they need the server there and then. */
  catalogueAdmin: CatalogueAdminApi;
  /** Finding gyms (search, a gym's link); these need the server there and then. */
  gymsApi: GymsApi;
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
  /**
   * Sends follows made offline, reads the account's gyms, then their walls and climbs; resolves
   * once done (a Manage change waits for it, so its result shows at once). Quiet offline.
   */
  refreshCatalogue(): Promise<void>;
  /** Follows a gym on this device at once; the server (and the gym's walls) follow when online. */
  followGym(gym: Gym): Promise<void>;
  /** Unfollows at once: its walls leave the walls tab and its pictures the device. */
  unfollowGym(gym: Gym): Promise<void>;
  /**
   * Signs out; the account's sessions stay on the device and sync after the next sign-in, the
   * insights it was shown (other climbers' figures) are forgotten.
   */
  signOut(): Promise<void>;
  /** Ends the account's sign-in on every device (see AuthStore.signOutEverywhere). */
  signOutEverywhere(): Promise<AuthResult>;
  /**
   * Deletes the account on the server, signs out, and removes what the account kept on this
   * device; other accounts' sessions on a shared device stay. Needs a connection.
   */
  deleteAccount(password: string): Promise<AuthResult>;
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
  /** How long "Undo" is offered (UNDO_MS by default; a test that waits it out shortens it). */
  undoMs?: number;
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
  const gymsApi = createGymsApi(http);
  const catalogueAdmin = createCatalogueAdminApi(http);
  const auth = createAuthStore({ storage, api });
  const pictures = options.pictures ?? createRemoteWallPictures(baseUrl);
  const catalogue = createCatalogueStore({
    storage,
    api: { climbs: api.climbs, gymLayouts: gymsApi.gymLayouts, gymClimbs: gymsApi.gymClimbs },
    pictures,
  });
  const accountEmitter = createEmitter();
  let account: Account | null = null;
  let opening: { userId: string; done: Promise<void> } | null = null;
  const cleanups: (() => void)[] = [];
  let started: Promise<void> | null = null;

  async function refreshNow(): Promise<void> {
    if (connectivity.isOnline() === false) return;
    // The role and grade system ride along: a setter made today sees "Manage" at the next refresh.
    void auth.refreshUser();
    await opening?.done;
    const token = auth.getToken();
    const gyms = account?.gyms;
    if (!gyms || token === null) return;
    await gyms.refresh(token);
    const mine = gyms.getState().gyms;
    if (mine) await catalogue.refresh(token, mine);
  }
  const refreshCatalogue = () => void refreshNow();

  function closeAccount(): void {
    account?.engine.stop();
    account?.recent.dispose();
    account = null;
    opening = null;
    accountEmitter.emit();
  }

  async function openAccount(userId: string): Promise<void> {
    const store = await createSessionStore({
      storage: accountStorage(storage, userId),
      // The first design kept one array for the device's only account: the first account to
      // open here imports it.
      legacyStorage: storage,
      ...(options.uuid ? { uuid: options.uuid } : {}),
    });
    const gyms = createMyGymsStore({
      storage: accountStorage(storage, userId),
      api: gymsApi,
    });
    await gyms.load();
    const insights = createInsightsCache(accountStorage(storage, userId));
    await insights.load();
    const engine = createSyncEngine({
      store,
      baseUrl,
      fetch: fetchFn,
      connectivity,
      getToken: () => auth.getToken(),
      onAuthRequired: (refusedToken) => auth.markExpired(refusedToken),
    });
    if (opening?.userId !== userId) return; // signed out while opening
    account = {
      userId,
      store,
      engine,
      recent: createRecentActions(store, engine, options.undoMs),
      gyms,
      wallVisits: createWallVisits(accountStorage(storage, userId)),
      insights,
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

  async function changeFollow(gym: Gym, follow: boolean): Promise<void> {
    const gyms = account?.gyms;
    if (!gyms) return;
    await (follow ? gyms.follow(gym) : gyms.unfollow(gym));
    // Offline, the pictures of a gym left go now; its walls come or go at the next refresh.
    if (!follow) catalogue.keepPicturesOf(gyms.getState().gyms ?? []);
    await refreshNow();
  }

  return {
    auth,
    catalogue,
    catalogueAdmin,
    gymsApi,
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
    refreshCatalogue: refreshNow,
    followGym: (gym) => changeFollow(gym, true),
    unfollowGym: (gym) => changeFollow(gym, false),
    async signOut() {
      // The gym figures a staff member was shown leave with them; their sessions stay to sync.
      await account?.insights.clear();
      await auth.signOut();
    },
    async signOutEverywhere() {
      const leaving = account;
      const result = await auth.signOutEverywhere();
      if (result.ok) await leaving?.insights.clear();
      return result;
    },
    async deleteAccount(password) {
      const leaving = account;
      const result = await auth.deleteAccount(password);
      if (!result.ok || result.userId === undefined) return result;
      if (leaving?.userId === result.userId) {
        // Signing out stopped its engine; a run still out ends first (the one asked for here
        // finds no token and sends nothing), and the store's queued writes land, so no key of the
        // account comes back after the removal.
        await leaving.engine.syncNow();
        await leaving.store.flush();
      }
      await forgetAccountData(storage, result.userId);
      return { ok: true };
    },
    dispose() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      account?.engine.stop();
      account?.recent.dispose();
    },
  };
}
