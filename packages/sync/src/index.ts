export type {
  KeyValueStorage,
  LegacyOrigin,
  LocalRoute,
  LocalSession,
  LocalSessionStatus,
  LogRouteInput,
  RoutePatch,
  StartSessionInput,
  SyncErrorInfo,
} from './store/model.js';
export { createMemoryStorage } from './store/memory-storage.js';
export { createSessionStore } from './store/session-store.js';
export type {
  SessionStore,
  SessionStoreOptions,
  StoreChange,
  StoreChangeReason,
  StoreListener,
} from './store/session-store.js';
export { SessionStoreError } from './store/errors.js';
export type { SessionStoreErrorCode } from './store/errors.js';
export { needsSync } from './store/status.js';
export { STORAGE_KEYS, CURRENT_SCHEMA_VERSION } from './store/storage-layout.js';
export { createSyncEngine } from './engine/sync-engine.js';
export type {
  Connectivity,
  SyncEngine,
  SyncEngineOptions,
  SyncProgress,
  SyncReport,
  SyncState,
} from './engine/sync-engine.js';
export { createHttpClient } from './engine/http.js';
export type {
  ApiError,
  FetchLike,
  HttpClient,
  HttpClientOptions,
  HttpExchange,
  HttpRequest,
  ResponseLike,
  Timers,
} from './engine/http.js';
export { BACKOFF, backoffDelayMs, parseRetryAfterMs } from './engine/backoff.js';
