import SQLiteStorage from 'expo-sqlite/kv-store';
import type { KeyValueStorage } from '@sendlog/sync';
import { fromAsyncStorage } from './keyValueStorage';

/**
 * Phones keep everything in expo-sqlite's key-value store (the AsyncStorage API on SQLite):
 * Android's AsyncStorage caps a database at 6 MB and a row at 2 MB, which years of history outgrow.
 * Its `multiSet` runs in one exclusive transaction, so a session and the index land together.
 */
export function createDeviceStorage(): KeyValueStorage {
  return fromAsyncStorage(SQLiteStorage);
}
