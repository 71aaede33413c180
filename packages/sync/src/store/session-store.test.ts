import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from './memory-storage.js';
import { createSessionStore, syncPortOf } from './session-store.js';
import type { StoreChange } from './session-store.js';
import { SessionStoreError } from './errors.js';
import { ManualClock, sequentialIds } from '../testing/manual-timers.js';
import { STORAGE_KEYS, sessionKey } from './storage-layout.js';
import type { KeyValueStorage } from './model.js';

async function open(storage: KeyValueStorage = createMemoryStorage(), clock = new ManualClock()) {
  const store = await createSessionStore({ storage, now: clock.now, uuid: sequentialIds('s') });
  return { store, storage, clock };
}

const route = { climbId: 'c1', isSuccess: true, attempts: 2 };

describe('session store', () => {
  it('keeps one active session and logs routes on it', async () => {
    const { store, clock } = await open();
    const s = store.startSession({ layoutId: 'L1' });
    expect(s.status).toBe('active');
    expect(s.clientSessionId).toBe(s.id);
    expect(store.getActiveSession()?.id).toBe(s.id);
    expect(() => store.startSession({ layoutId: 'L1' })).toThrow(SessionStoreError);
    clock.advance(60_000);
    const r = store.logRoute(s.id, { ...route, notes: 'heel hook', rating: 4, gradeOpinion: 'V5' });
    expect(r).toMatchObject({ climbId: 'c1', attempts: 2, notes: 'heel hook', rating: 4 });
    expect(r.loggedAt).toBe(new Date(clock.ms).toISOString());
    expect(store.getSession(s.id)?.routes).toEqual([r]);
    expect(store.getSession(s.id)?.localRevision).toBe(2);
  });

  it('refuses values the server would reject, naming the field, and stores nothing', async () => {
    const { store } = await open();
    const s = store.startSession({ layoutId: null });
    const bad = (): unknown => store.logRoute(s.id, { ...route, attempts: 0 });
    expect(bad).toThrow(/attempts/);
    try {
      bad();
    } catch (e) {
      expect((e as SessionStoreError).code).toBe('invalid_input');
      expect((e as SessionStoreError).details[0]?.path).toBe('attempts');
    }
    expect(() => store.logRoute(s.id, { ...route, rating: 6 })).toThrow(/rating/);
    expect(() => store.updateNotes(s.id, 'x'.repeat(2001))).toThrow(/notes/);
    expect(() => store.logRoute('nope', route)).toThrow(/no session/);
    expect(store.getSession(s.id)?.routes).toEqual([]);
  });

  it('returns the same sessions array until something changes', async () => {
    const { store } = await open();
    const s = store.startSession({ layoutId: null });
    const first = store.getSessions();
    expect(store.getSessions()).toBe(first);
    store.logRoute(s.id, route);
    const second = store.getSessions();
    expect(second).not.toBe(first);
    expect(store.getSessions()).toBe(second);
    expect(store.getActiveSession()).toBe(store.getActiveSession());
  });

  it('notifies listeners with the reason of each change', async () => {
    const { store } = await open();
    const listener = vi.fn<(change: StoreChange) => void>();
    const unsubscribe = store.subscribe(listener);
    const s = store.startSession({ layoutId: null });
    store.logRoute(s.id, route);
    store.endSession(s.id);
    unsubscribe();
    store.updateNotes(s.id, 'later');
    expect(listener.mock.calls.map(([c]) => c.reason)).toEqual(['edit', 'edit', 'end']);
  });

  it('ends a session as completed and discards an empty one', async () => {
    const { store, clock } = await open();
    const empty = store.startSession({ layoutId: null });
    expect(store.endSession(empty.id)).toBeNull();
    expect(store.getSession(empty.id)).toBeNull();
    const s = store.startSession({ layoutId: null });
    store.logRoute(s.id, route);
    clock.advance(3_600_000);
    const ended = store.endSession(s.id);
    expect(ended?.status).toBe('completed');
    expect(ended?.endTime).toBe(new Date(clock.ms).toISOString());
    expect(store.getActiveSession()).toBeNull();
  });

  it('resumes an ended session, as long as no other runs', async () => {
    const { store, clock } = await open();
    const port = syncPortOf(store);
    const s = store.startSession({ layoutId: 'L1' });
    store.logRoute(s.id, route);
    clock.advance(60_000);
    store.endSession(s.id);
    // The end already went out and was confirmed: resuming still takes it back.
    const sent = { sessionId: s.id, localRevision: 3, baseRevision: null, removedRouteIds: [] };
    port.applyOutcomes([
      { kind: 'confirmed', sent, serverSessionId: 'srv-1', revision: 1, contentMatches: true },
    ]);
    const resumed = store.resumeSession(s.id);
    expect(resumed).toMatchObject({ status: 'active', endTime: null, localRevision: 4 });
    expect(store.getActiveSession()?.id).toBe(s.id);
    // A running session is never sent; its next end is.
    expect(port.pendingCount()).toBe(0);
    expect(store.resumeSession(s.id)).toBe(store.getSession(s.id));
    clock.advance(60_000);
    expect(store.endSession(s.id)).toMatchObject({
      status: 'completed',
      endTime: new Date(clock.ms).toISOString(),
    });
    const other = store.startSession({ layoutId: 'L2' });
    expect(() => store.resumeSession(s.id)).toThrow(SessionStoreError);
    expect(store.getActiveSession()?.id).toBe(other.id);
  });

  it('logs a route added to an ended session at its end, not at the time of the edit', async () => {
    const { store, clock } = await open();
    const s = store.startSession({ layoutId: 'L1' });
    store.logRoute(s.id, route);
    clock.advance(3_600_000);
    const ended = store.endSession(s.id);
    clock.advance(3 * 24 * 3_600_000);
    const late = store.logRoute(s.id, { ...route, climbId: 'forgotten' });
    expect(late.loggedAt).toBe(ended?.endTime);
    expect(late.updatedAt).toBe(new Date(clock.ms).toISOString());
    expect(store.getSession(s.id)?.status).toBe('completed');
  });

  it('closes a forgotten session at the longest length the server accepts', async () => {
    const { store, clock } = await open();
    const s = store.startSession({ layoutId: null });
    store.logRoute(s.id, route);
    clock.advance(30 * 3_600_000);
    const ended = store.endSession(s.id);
    expect(Date.parse(ended?.endTime ?? '') - Date.parse(s.startTime)).toBe(24 * 3_600_000);
  });

  it('makes an edited synced or failed session need sync again', async () => {
    const { store } = await open();
    const port = syncPortOf(store);
    const s = store.startSession({ layoutId: null });
    const r = store.logRoute(s.id, route);
    store.endSession(s.id);
    const sent = { sessionId: s.id, localRevision: 3, baseRevision: null, removedRouteIds: [] };
    port.applyOutcomes([
      { kind: 'confirmed', sent, serverSessionId: 'srv-1', revision: 1, contentMatches: true },
    ]);
    expect(store.getSession(s.id)).toMatchObject({ status: 'synced', serverRevision: 1 });
    store.updateRoute(s.id, r.id, { attempts: 5 });
    expect(store.getSession(s.id)).toMatchObject({ status: 'completed', localRevision: 4 });
    const error = { code: 'unknown_climb', message: 'no such climb', permanent: true };
    port.applyOutcomes([{ kind: 'rejected', sent: { ...sent, localRevision: 4 }, error }]);
    expect(store.getSession(s.id)).toMatchObject({ status: 'sync_failed', lastError: error });
    expect(store.retrySession(s.id)).toMatchObject({ status: 'completed', lastError: null });
    expect(() => store.retrySession(s.id)).toThrow(SessionStoreError);
  });

  it('does not mark a session synced when it was edited after the request left', async () => {
    const { store } = await open();
    const port = syncPortOf(store);
    const s = store.startSession({ layoutId: null });
    store.logRoute(s.id, route);
    store.endSession(s.id);
    const sent = { sessionId: s.id, localRevision: 3, baseRevision: null, removedRouteIds: [] };
    store.logRoute(s.id, { ...route, climbId: 'c2' });
    port.applyOutcomes([
      { kind: 'confirmed', sent, serverSessionId: 'srv-1', revision: 1, contentMatches: true },
    ]);
    const after = store.getSession(s.id);
    expect(after).toMatchObject({ status: 'completed', serverRevision: 1, localRevision: 4 });
    expect(after?.routes).toHaveLength(2);
  });

  it('remembers removed routes until a sync that carried them is confirmed', async () => {
    const { store } = await open();
    const port = syncPortOf(store);
    const s = store.startSession({ layoutId: null });
    const a = store.logRoute(s.id, route);
    const b = store.logRoute(s.id, route);
    store.removeRoute(s.id, a.id);
    store.endSession(s.id);
    expect(store.getSession(s.id)?.removedRouteIds).toEqual([a.id]);
    const sent = { sessionId: s.id, localRevision: 5, baseRevision: null, removedRouteIds: [a.id] };
    store.removeRoute(s.id, b.id);
    port.applyOutcomes([
      { kind: 'confirmed', sent, serverSessionId: 'srv-1', revision: 1, contentMatches: true },
    ]);
    expect(store.getSession(s.id)?.removedRouteIds).toEqual([b.id]);
  });

  it('gives the same sessions when reopened over the same storage', async () => {
    const { store, storage, clock } = await open();
    const s = store.startSession({ layoutId: 'L1' });
    const r = store.logRoute(s.id, route);
    store.updateRoute(s.id, r.id, { attempts: 3, notes: 'second go' });
    store.updateNotes(s.id, 'good day');
    store.endSession(s.id);
    const t = store.startSession({ layoutId: 'L2' });
    store.logRoute(t.id, { ...route, isSuccess: false });
    syncPortOf(store).applyServerSessions([], 'cursor-7');
    await store.flush();
    const reopened = await createSessionStore({ storage, now: clock.now });
    expect(reopened.getSessions()).toEqual(store.getSessions());
    expect(reopened.getActiveSession()?.id).toBe(t.id);
    expect(syncPortOf(reopened).pullCursor()).toBe('cursor-7');
  });

  it('keeps the last sync time across a reopen, and ignores stored text that is no time', async () => {
    const storage = createMemoryStorage();
    const store = await createSessionStore({ storage });
    syncPortOf(store).recordSyncSuccess('2026-11-25T12:00:00.000Z');
    await store.flush();
    const reopened = await createSessionStore({ storage });
    expect(syncPortOf(reopened).lastSyncAt()).toBe('2026-11-25T12:00:00.000Z');
    await storage.setItem(STORAGE_KEYS.lastSyncAt, 'not a time');
    expect(syncPortOf(await createSessionStore({ storage })).lastSyncAt()).toBeNull();
  });

  it('writes one session key per edit, whatever the size of the history', async () => {
    const storage = createMemoryStorage();
    const { store } = await open(storage);
    for (let i = 0; i < 50; i++) {
      const s = store.startSession({ layoutId: null });
      store.logRoute(s.id, route);
      store.endSession(s.id);
    }
    await store.flush();
    const s = store.startSession({ layoutId: null });
    await store.flush();
    const multiSet = vi.spyOn(storage, 'multiSet');
    const setItem = vi.spyOn(storage, 'setItem');
    store.logRoute(s.id, route);
    await store.flush();
    expect(setItem).not.toHaveBeenCalled();
    expect(multiSet).toHaveBeenCalledTimes(1);
    expect(multiSet.mock.calls[0]?.[0].map(([k]) => k)).toEqual([sessionKey(s.id)]);
  });

  it('writes a new session and the index together, index last', async () => {
    const storage = createMemoryStorage();
    const { store } = await open(storage);
    const multiSet = vi.spyOn(storage, 'multiSet');
    const s = store.startSession({ layoutId: null });
    await store.flush();
    expect(multiSet.mock.calls[0]?.[0].map(([k]) => k)).toEqual([
      sessionKey(s.id),
      STORAGE_KEYS.index,
    ]);
  });

  it('keeps a session whose index entry never got written, and skips unreadable ones', async () => {
    const storage = createMemoryStorage();
    const { store, clock } = await open(storage);
    const s = store.startSession({ layoutId: null });
    store.logRoute(s.id, route);
    await store.flush();
    await storage.setItem(STORAGE_KEYS.index, '[]');
    await storage.setItem(sessionKey('broken'), '{not json');
    const reopened = await createSessionStore({ storage, now: clock.now });
    expect(reopened.getSession(s.id)?.routes).toHaveLength(1);
    expect(reopened.unreadableKeys).toEqual([sessionKey('broken')]);
    expect(await storage.getItem(sessionKey('broken'))).toBe('{not json');
  });

  it('coalesces bursts of edits and retries a failed write without losing it', async () => {
    const storage = createMemoryStorage();
    const { store, clock } = await open(storage);
    const s = store.startSession({ layoutId: null });
    await store.flush();
    const realMultiSet = storage.multiSet.bind(storage);
    let failures = 1;
    vi.spyOn(storage, 'multiSet').mockImplementation(async (pairs) => {
      if (failures-- > 0) throw new Error('disk full');
      return realMultiSet(pairs);
    });
    for (let i = 0; i < 5; i++) store.logRoute(s.id, route);
    await store.flush();
    const reopened = await createSessionStore({ storage, now: clock.now });
    expect(reopened.getSession(s.id)?.routes).toHaveLength(5);
  });

  it('keeps the grade the server recorded through edits, and drops it when the climb changes', async () => {
    const { store } = await open();
    const at = '2026-11-24T18:00:00.000Z';
    syncPortOf(store).applyServerSessions([
      {
        id: 'srv-1',
        clientSessionId: 'other-device',
        layoutId: 'L1',
        startTime: at,
        endTime: at,
        notes: null,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        routes: [
          {
            id: 'route-1',
            clientRouteId: 'r1',
            climbId: 'c1',
            climbName: 'Crimp',
            grade: 'V3',
            isSuccess: false,
            attempts: 1,
            notes: null,
            rating: null,
            gradeOpinion: null,
            loggedAt: at,
            updatedAt: at,
          },
        ],
      },
    ]);
    const id = store.getSessions()[0]!.id;
    expect(store.updateRoute(id, 'r1', { attempts: 2 }).grade).toBe('V3');
    expect(store.updateRoute(id, 'r1', { climbId: 'c2' })).not.toHaveProperty('grade');
  });
});
