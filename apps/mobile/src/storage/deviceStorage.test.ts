import AsyncStorage from '@react-native-async-storage/async-storage';
import { createSessionStore } from '@sendlog/sync';
import type { KeyValueStorage } from '@sendlog/sync';
import { createDeviceStorage as createPhoneStorage } from './deviceStorage.native';
import { fromAsyncStorage, scopedStorage } from './keyValueStorage';

// expo-sqlite needs the native SQLite module; under Jest its kv-store is replaced by a map with
// the same AsyncStorage-shaped API, so the adapter code path is the one phones run.
jest.mock('expo-sqlite/kv-store', () => {
  const data = new Map<string, string>();
  const storage = {
    getItem: async (key: string) => data.get(key) ?? null,
    setItem: async (key: string, value: string) => void data.set(key, value),
    removeItem: async (key: string) => void data.delete(key),
    getAllKeys: async () => [...data.keys()],
    multiGet: async (keys: string[]) => keys.map((key) => [key, data.get(key) ?? null]),
    multiSet: async (pairs: [string, string][]) =>
      pairs.forEach(([key, value]) => data.set(key, value)),
    multiRemove: async (keys: string[]) => keys.forEach((key) => data.delete(key)),
    clear: async () => data.clear(),
  };
  return { __esModule: true, default: storage, AsyncStorage: storage, Storage: storage };
});

const backends: [string, () => Promise<KeyValueStorage>][] = [
  [
    'web: AsyncStorage',
    async () => {
      await AsyncStorage.clear();
      return fromAsyncStorage(AsyncStorage);
    },
  ],
  [
    'phone: expo-sqlite kv-store',
    async () => {
      const storage = createPhoneStorage();
      await storage.multiRemove(await storage.getAllKeys());
      return storage;
    },
  ],
];

describe.each(backends)('device storage (%s)', (_name, open) => {
  it('answers like AsyncStorage', async () => {
    const storage = await open();
    expect(await storage.getItem('missing')).toBeNull();
    await storage.setItem('a', '1');
    await storage.multiSet([
      ['b', '2'],
      ['c', '3'],
    ]);
    expect(await storage.multiGet(['a', 'b', 'missing'])).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['missing', null],
    ]);
    await storage.multiRemove(['a', 'c']);
    await storage.removeItem('b');
    await storage.multiSet([]);
    expect(await storage.multiGet([])).toEqual([]);
    expect([...(await storage.getAllKeys())]).toEqual([]);
  });

  it('keeps a session store: reopened, it gives back the same sessions', async () => {
    const storage = await open();
    const store = await createSessionStore({ storage });
    const session = store.startSession({ layoutId: 'wall' });
    store.logRoute(session.id, { climbId: 'c-crimp', isSuccess: true, attempts: 2, notes: 'crux' });
    store.logRoute(session.id, { climbId: 'c-dyno', isSuccess: false, attempts: 5 });
    store.endSession(session.id);
    const active = store.startSession({ layoutId: 'cave' });
    await store.flush();

    const reopened = await createSessionStore({ storage });
    expect(reopened.getSessions()).toEqual(store.getSessions());
    expect(reopened.getActiveSession()?.id).toBe(active.id);
  });

  it('keeps each account to its own keys', async () => {
    const storage = await open();
    const ada = scopedStorage(storage, 'sendlog.user.ada.');
    const bo = scopedStorage(storage, 'sendlog.user.bo.');
    await ada.multiSet([['index', 'ada']]);
    await bo.setItem('index', 'bo');
    expect(await ada.getItem('index')).toBe('ada');
    expect(await bo.multiGet(['index'])).toEqual([['index', 'bo']]);
    expect([...(await ada.getAllKeys())]).toEqual(['index']);
    await ada.multiRemove(['index']);
    expect(await bo.getItem('index')).toBe('bo');
  });
});
