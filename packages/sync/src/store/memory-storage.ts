import type { KeyValueStorage } from './model.js';

/**
 * An AsyncStorage-compatible storage held in memory (tests, Node tools, a web preview). Values are
 * copied strings, so a caller can never alter what was stored through a reference.
 */
export function createMemoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: async (key) => data.get(key) ?? null,
    setItem: async (key, value) => {
      data.set(key, value);
    },
    removeItem: async (key) => {
      data.delete(key);
    },
    multiGet: async (keys) => keys.map((key) => [key, data.get(key) ?? null] as const),
    multiSet: async (pairs) => {
      for (const [key, value] of pairs) data.set(key, value);
    },
    multiRemove: async (keys) => {
      for (const key of keys) data.delete(key);
    },
    getAllKeys: async () => [...data.keys()],
  };
}
