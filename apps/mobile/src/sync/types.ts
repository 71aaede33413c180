export type {
  KeyValueStorage,
  LocalRoute,
  LocalSession,
  SessionStore,
  SyncEngine,
  SyncState,
} from '@sendlog/sync';
