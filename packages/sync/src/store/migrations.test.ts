import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from './memory-storage.js';
import { createSessionStore, syncPortOf } from './session-store.js';
import { CURRENT_SCHEMA_VERSION, STORAGE_KEYS } from './storage-layout.js';
import { toOutgoing } from '../engine/snapshot.js';
import { SessionStoreError } from './errors.js';

/** What the first design's client left in AsyncStorage. */
const legacy = [
  {
    id: 'local_1732471500000_k3j9x',
    startTime: '2026-11-24T18:05:00.000Z',
    endTime: '2026-11-24T19:40:00.000Z',
    notes: 'fingers felt good',
    routes: [
      { climbId: 'c1', isSuccess: true, attempts: 3 },
      { climbId: 'c2', isSuccess: false, attempts: 5, notes: 'crux', photo: 'file://x.jpg' },
    ],
    status: 'completed',
    layoutName: 'Moon 2019',
  },
  {
    id: 'local_1732385100000_a1b2c',
    startTime: '2026-11-23T18:05:00.000Z',
    endTime: '2026-11-23T19:00:00.000Z',
    notes: null,
    routes: [{ climbId: 'c3', isSuccess: true, attempts: 1 }],
    status: 'synced',
    serverSessionId: 'srv-old-1',
  },
  {
    id: 'local_1732298700000_zz9zz',
    startTime: '2026-11-22T18:05:00.000Z',
    endTime: '2026-11-22T19:00:00.000Z',
    notes: 'network was down',
    routes: [{ climbId: 'c1', isSuccess: false, attempts: 2 }],
    status: 'sync_failed',
    errorMessage: 'Network request failed',
  },
  {
    id: 'local_1732557900000_act1v',
    startTime: '2026-11-25T18:05:00.000Z',
    endTime: null,
    notes: null,
    routes: [{ climbId: 'c2', isSuccess: true, attempts: 1 }],
    status: 'active',
  },
];

async function migrated() {
  const storage = createMemoryStorage();
  await storage.setItem(STORAGE_KEYS.legacySessions, JSON.stringify(legacy));
  const store = await createSessionStore({
    storage,
    now: () => Date.parse('2026-11-25T20:00:00Z'),
  });
  await store.flush();
  return { storage, store };
}

describe('migration of the first design', () => {
  it('imports every session of the localSessions array without losing a field', async () => {
    const { store } = await migrated();
    const [first, second, failed] = legacy.map((l) => store.getSession(l.id));
    expect(store.getSessions()).toHaveLength(4);
    expect(first).toMatchObject({
      startTime: legacy[0]?.startTime,
      endTime: legacy[0]?.endTime,
      notes: 'fingers felt good',
      status: 'completed',
      clientSessionId: null,
      serverSessionId: null,
      legacy: { status: 'completed', extra: { layoutName: 'Moon 2019' } },
    });
    expect(first?.routes.map((r) => [r.id, r.climbId, r.isSuccess, r.attempts, r.notes])).toEqual([
      ['pos-0', 'c1', true, 3, null],
      ['pos-1', 'c2', false, 5, 'crux'],
    ]);
    expect(first?.legacy?.routeExtras).toEqual([null, { photo: 'file://x.jpg' }]);
    expect(second).toMatchObject({ status: 'synced', serverSessionId: 'srv-old-1' });
    // The old client called every failure sync_failed, a dropped connection too: send again.
    expect(failed).toMatchObject({
      status: 'completed',
      legacy: { status: 'sync_failed', extra: { errorMessage: 'Network request failed' } },
    });
    expect(store.getActiveSession()?.id).toBe(legacy[3]?.id);
  });

  it('sends unconfirmed imports without clientSessionId and with positional route ids', async () => {
    const { store } = await migrated();
    const pending = syncPortOf(store).sessionsToSync();
    expect(pending.map((s) => s.id)).toEqual([legacy[2]?.id, legacy[0]?.id]);
    const out = toOutgoing(pending[1]!);
    expect(out.snapshot).not.toHaveProperty('clientSessionId');
    expect(out.snapshot.startTime).toBe(legacy[0]?.startTime);
    expect(out.snapshot.routes.map((r) => r.clientRouteId)).toEqual(['pos-0', 'pos-1']);
  });

  it('writes the new layout and version, removes the old key, and is not run twice', async () => {
    const { storage, store } = await migrated();
    expect(await storage.getItem(STORAGE_KEYS.legacySessions)).toBeNull();
    expect(await storage.getItem(STORAGE_KEYS.schemaVersion)).toBe(String(CURRENT_SCHEMA_VERSION));
    const reopened = await createSessionStore({ storage });
    expect(reopened.getSessions()).toEqual(store.getSessions());
  });

  it('finishes an import interrupted before the old array was removed, keeping later edits', async () => {
    const storage = createMemoryStorage();
    await storage.setItem(STORAGE_KEYS.legacySessions, JSON.stringify(legacy));
    const removeItem = storage.removeItem;
    storage.removeItem = async () => {
      throw new Error('app killed');
    };
    await expect(createSessionStore({ storage })).rejects.toThrow('app killed');
    storage.removeItem = removeItem;
    const store = await createSessionStore({ storage });
    expect(await storage.getItem(STORAGE_KEYS.legacySessions)).toBeNull();
    const id = legacy[0]!.id;
    store.updateNotes(id, 'edited after the import');
    await store.flush();
    // The old array shows up again (say, an old build wrote it): it must not undo the edit.
    await storage.setItem(STORAGE_KEYS.legacySessions, JSON.stringify(legacy));
    const reopened = await createSessionStore({ storage });
    expect(reopened.getSession(id)?.notes).toBe('edited after the import');
    expect(reopened.getSessions()).toHaveLength(4);
  });

  it('imports the array from a separate storage when the store lives under a prefix', async () => {
    const device = createMemoryStorage();
    await device.setItem(STORAGE_KEYS.legacySessions, JSON.stringify(legacy));
    const account = createMemoryStorage();
    const store = await createSessionStore({ storage: account, legacyStorage: device });
    expect(store.getSessions()).toHaveLength(4);
    expect(await device.getItem(STORAGE_KEYS.legacySessions)).toBeNull();
    const other = await createSessionStore({
      storage: createMemoryStorage(),
      legacyStorage: device,
    });
    expect(other.getSessions()).toEqual([]);
  });

  it('leaves an unreadable array in place rather than deleting it', async () => {
    const storage = createMemoryStorage();
    await storage.setItem(STORAGE_KEYS.legacySessions, '[{"id": broken');
    const store = await createSessionStore({ storage });
    expect(store.getSessions()).toEqual([]);
    expect(await storage.getItem(STORAGE_KEYS.legacySessions)).toBe('[{"id": broken');
  });

  it('refuses storage written by a newer layout instead of overwriting it', async () => {
    const storage = createMemoryStorage();
    await storage.setItem(STORAGE_KEYS.schemaVersion, String(CURRENT_SCHEMA_VERSION + 1));
    await expect(createSessionStore({ storage })).rejects.toBeInstanceOf(SessionStoreError);
  });
});
