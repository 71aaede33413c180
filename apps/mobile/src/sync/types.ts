export type {
  KeyValueStorage,
  LocalRoute,
  LogRouteInput,
  LocalSession,
  SessionStore,
  SyncEngine,
  SyncState,
} from '@sendlog/sync';
