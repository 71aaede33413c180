import type { KeyValueStorage } from '@sendlog/sync';

/**
 * The AsyncStorage API as both backends implement it: `@react-native-async-storage/async-storage`
 * on the web and `expo-sqlite/kv-store` on phones. Typed loosely on purpose (mutable arrays,
 * tuples or arrays) so either library's declarations fit.
 */
export interface AsyncStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  multiGet(keys: string[]): Promise<readonly (readonly [string, string | null])[]>;
  multiSet(pairs: [string, string][]): Promise<void>;
  multiRemove(keys: string[]): Promise<void>;
  getAllKeys(): Promise<readonly string[]>;
}

/** Adapts an AsyncStorage-like backend to the store's `KeyValueStorage`. */
export function fromAsyncStorage(backend: AsyncStorageLike): KeyValueStorage {
  return {
    getItem: (key) => backend.getItem(key),
    setItem: (key, value) => backend.setItem(key, value),
    removeItem: (key) => backend.removeItem(key),
    multiGet: async (keys) => {
      if (keys.length === 0) return [];
      const rows = await backend.multiGet([...keys]);
      return rows.map(([key, value]) => [key, value ?? null] as const);
    },
    multiSet: async (pairs) => {
      if (pairs.length === 0) return;
      await backend.multiSet(pairs.map(([key, value]) => [key, value]));
    },
    multiRemove: async (keys) => {
      if (keys.length === 0) return;
      await backend.multiRemove([...keys]);
    },
    getAllKeys: async () => [...(await backend.getAllKeys())],
  };
}

/**
 * A view of `storage` limited to keys under `prefix`, so each account on a shared device keeps
 * its own sessions: signing out and in as someone else never mixes (or uploads) another's climbs.
 */
export function scopedStorage(storage: KeyValueStorage, prefix: string): KeyValueStorage {
  const outer = (key: string) => prefix + key;
  return {
    getItem: (key) => storage.getItem(outer(key)),
    setItem: (key, value) => storage.setItem(outer(key), value),
    removeItem: (key) => storage.removeItem(outer(key)),
    multiGet: async (keys) => {
      const rows = await storage.multiGet(keys.map(outer));
      return rows.map(([key, value]) => [key.slice(prefix.length), value] as const);
    },
    multiSet: (pairs) =>
      storage.multiSet(pairs.map(([key, value]) => [outer(key), value] as const)),
    multiRemove: (keys) => storage.multiRemove(keys.map(outer)),
    getAllKeys: async () =>
      (await storage.getAllKeys())
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length)),
  };
}
