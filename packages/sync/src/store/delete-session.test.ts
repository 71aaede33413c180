import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from './memory-storage.js';
import { createSessionStore, syncPortOf } from './session-store.js';
import type { StoreChange } from './session-store.js';
import { ManualClock, sequentialIds } from '../testing/manual-timers.js';
import type { KeyValueStorage } from './model.js';

async function open(storage: KeyValueStorage = createMemoryStorage(), clock = new ManualClock()) {
  const store = await createSessionStore({ storage, now: clock.now, uuid: sequentialIds('s') });
  return { store, storage, clock, port: syncPortOf(store) };
}

const route = { climbId: 'c1', isSuccess: true, attempts: 2 };

/** An ended session the server confirmed at revision 1. */
function syncedSession(store: Awaited<ReturnType<typeof open>>['store']) {
  const port = syncPortOf(store);
  const s = store.startSession({ layoutId: 'L1' });
  store.logRoute(s.id, route);
  store.updateNotes(s.id, 'crimpy');
  const ended = store.endSession(s.id)!;
  const sent = {
    sessionId: s.id,
    localRevision: ended.localRevision,
    baseRevision: null,
    removedRouteIds: [],
  };
  port.markOffered([sent]);
  port.applyOutcomes([
    { kind: 'confirmed', sent, serverSessionId: `srv-${s.id}`, revision: 1, contentMatches: true },
  ]);
  return store.getSession(s.id)!;
}

describe('deleting a session on the device', () => {
  it('removes one that never left the phone at once, the active one too, and undo restores it', async () => {
    const { store, port } = await open();
    const changes: StoreChange[] = [];
    store.subscribe((c) => changes.push(c));
    const active = store.startSession({ layoutId: 'L1' });
    store.logRoute(active.id, route);
    const before = store.getSession(active.id);
    store.deleteSession(active.id);
    expect(store.getSessions()).toEqual([]);
    expect(store.getActiveSession()).toBeNull();
    expect(store.getSession(active.id)).toBeNull();
    expect(port.sessionsToSync()).toEqual([]);
    expect(changes.at(-1)).toEqual({ reason: 'delete', sessionIds: [active.id] });
    // Nothing to tell the server: no tombstone is kept.
    expect(port.pendingCount()).toBe(0);

    expect(store.undoDelete(active.id)).toBe(before);
    expect(store.getActiveSession()).toBe(before);
    expect(changes.at(-1)).toEqual({ reason: 'restore', sessionIds: [active.id] });
    expect(() => store.logRoute('nope', route)).toThrow(/no session/);
  });

  it('turns a synced one into a hidden tombstone the engine sends, and undo restores it exactly', async () => {
    const { store, port, clock } = await open();
    const synced = syncedSession(store);
    const list = store.getSessions();
    clock.advance(1000);
    store.deleteSession(synced.id);
    expect(store.getSessions()).toEqual([]);
    expect(store.getSessions()).not.toBe(list);
    expect(store.getSession(synced.id)).toBeNull();
    expect(() => store.logRoute(synced.id, route)).toThrow(/no session/);
    expect(port.pendingCount()).toBe(1);
    const [tombstone] = port.sessionsToSync();
    expect(tombstone).toMatchObject({
      id: synced.id,
      status: 'completed',
      deletion: { sent: false, before: synced },
    });
    // Held back while the delete is younger than the given time.
    expect(port.sessionsToSync(clock.ms - 1)).toEqual([]);

    const restored = store.undoDelete(synced.id);
    expect(restored).toBe(synced);
    expect(store.getSessions()).toEqual([synced]);
    expect(port.pendingCount()).toBe(0);
  });

  it('cannot be undone once the tombstone has left; the confirmation removes it for good', async () => {
    const { store, port } = await open();
    const synced = syncedSession(store);
    store.deleteSession(synced.id);
    const tombstone = port.sessionsToSync()[0]!;
    const sent = {
      sessionId: synced.id,
      localRevision: tombstone.localRevision,
      baseRevision: 1,
      removedRouteIds: [],
    };
    expect(port.markOffered([sent])).toEqual([sent]);
    expect(store.undoDelete(synced.id)).toBeNull();
    port.applyOutcomes([
      {
        kind: 'confirmed',
        sent,
        serverSessionId: synced.serverSessionId!,
        revision: 2,
        contentMatches: true,
      },
    ]);
    expect(port.sessionsToSync()).toEqual([]);
    expect(store.undoDelete(synced.id)).toBeNull();
    // A pull answering the tombstone changes nothing; one answering an old copy cannot revive it.
    expect(
      port.applyServerSessions([
        {
          id: synced.serverSessionId!,
          clientSessionId: synced.id,
          revision: 2,
          deleted: true,
          updatedAt: tombstone.updatedAt,
        },
      ]),
    ).toBe(0);
    expect(store.getSessions()).toEqual([]);
  });

  it('a session offered in a request whose answer is lost is tombstoned, not forgotten', async () => {
    const { store, port } = await open();
    const s = store.startSession({ layoutId: 'L1' });
    store.logRoute(s.id, route);
    const ended = store.endSession(s.id)!;
    port.markOffered([
      {
        sessionId: s.id,
        localRevision: ended.localRevision,
        baseRevision: null,
        removedRouteIds: [],
      },
    ]);
    store.deleteSession(s.id);
    expect(port.sessionsToSync()[0]?.deletion?.sent).toBe(false);
    // …while one deleted before its request left is kept out of that request.
    const t = store.startSession({ layoutId: 'L1' });
    store.logRoute(t.id, route);
    const other = store.endSession(t.id)!;
    const copy = {
      sessionId: t.id,
      localRevision: other.localRevision,
      baseRevision: null,
      removedRouteIds: [],
    };
    store.deleteSession(t.id);
    expect(port.markOffered([copy])).toEqual([]);
  });

  it('drops local copies the server answers as deleted, even with unsent edits', async () => {
    const { store, port } = await open();
    const synced = syncedSession(store);
    store.updateNotes(synced.id, 'edited here');
    expect(
      port.applyServerSessions([
        {
          id: synced.serverSessionId!,
          clientSessionId: synced.id,
          revision: 2,
          deleted: true,
          updatedAt: synced.updatedAt,
        },
      ]),
    ).toBe(1);
    expect(store.getSessions()).toEqual([]);
    expect(port.pendingCount()).toBe(0);
  });

  it('an undo after a pull restores what the other device changed meanwhile', async () => {
    const { store, port } = await open();
    const synced = syncedSession(store);
    store.deleteSession(synced.id);
    port.applyServerSessions([
      {
        id: synced.serverSessionId!,
        clientSessionId: synced.id,
        layoutId: 'L1',
        startTime: synced.startTime,
        endTime: synced.endTime,
        notes: 'edited on the other phone',
        revision: 2,
        createdAt: synced.startTime,
        updatedAt: synced.updatedAt,
        routes: [],
      },
    ]);
    expect(store.getSessions()).toEqual([]);
    expect(store.undoDelete(synced.id)).toMatchObject({
      notes: 'edited on the other phone',
      serverRevision: 2,
      status: 'synced',
    });
  });

  it('survives a restart as a tombstone', async () => {
    const storage = createMemoryStorage();
    const { store } = await open(storage);
    const synced = syncedSession(store);
    store.deleteSession(synced.id);
    await store.flush();
    const reopened = await open(storage);
    expect(reopened.store.getSessions()).toEqual([]);
    expect(reopened.port.sessionsToSync()[0]?.deletion?.before).toEqual(synced);
    expect(reopened.store.undoDelete(synced.id)).toEqual(synced);
  });
});
