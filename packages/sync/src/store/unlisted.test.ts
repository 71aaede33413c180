import { describe, expect, it } from 'vitest';
import { toOutgoing } from '../engine/snapshot.js';
import { FakeServer } from '../testing/fake-server.js';
import { ManualClock, sequentialIds } from '../testing/manual-timers.js';
import { createMemoryStorage } from './memory-storage.js';
import { sessionFromServer } from './server-copy.js';
import { createSessionStore, syncPortOf } from './session-store.js';
import { CURRENT_SCHEMA_VERSION, STORAGE_KEYS, sessionKey } from './storage-layout.js';

// Sessions elsewhere and climbs in no catalogue on the phone: logged offline, sent as docs/api.md
// says, and a phone upgraded from schema version 1 keeps its data byte for byte.

/** A session as the app stored it at schema version 1 (before places and unlisted climbs). */
const V1_SESSION = JSON.stringify({
  id: 'a1b2',
  clientSessionId: 'a1b2',
  layoutId: 'L1',
  startTime: '2026-10-01T17:00:00.000Z',
  endTime: '2026-10-01T19:00:00.000Z',
  notes: 'old phone',
  routes: [
    {
      id: 'r1',
      climbId: 'c1',
      isSuccess: true,
      attempts: 2,
      notes: null,
      rating: 3,
      gradeOpinion: null,
      loggedAt: '2026-10-01T17:10:00.000Z',
      updatedAt: '2026-10-01T17:10:00.000Z',
      grade: 'V3',
    },
  ],
  removedRouteIds: [],
  status: 'completed',
  updatedAt: '2026-10-01T19:00:00.000Z',
  localRevision: 3,
  sentRevision: null,
  serverRevision: null,
  serverSessionId: null,
  lastError: null,
  attemptCount: 0,
  nextAttemptAt: null,
});

const CRAG = { name: 'Chain Reaction', grade: '5.12c', kind: 'route' } as const;

async function open(storage = createMemoryStorage(), clock = new ManualClock()) {
  const store = await createSessionStore({ storage, now: clock.now, uuid: sequentialIds('s') });
  return { store, storage, clock };
}

describe('a phone upgraded from schema version 1', () => {
  it('keeps every stored session as it was, reads it as before, and sends it as before', async () => {
    const storage = createMemoryStorage();
    await storage.multiSet([
      [STORAGE_KEYS.schemaVersion, '1'],
      [STORAGE_KEYS.index, JSON.stringify(['a1b2'])],
      [sessionKey('a1b2'), V1_SESSION],
    ]);
    const { store } = await open(storage);
    await store.flush();
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
    expect(await storage.getItem(STORAGE_KEYS.schemaVersion)).toBe('2');
    expect(await storage.getItem(sessionKey('a1b2'))).toBe(V1_SESSION);
    const session = store.getSession('a1b2');
    expect(session).toEqual(JSON.parse(V1_SESSION));
    // What travels: the JSON text, exactly the fields it carried before.
    const sent = JSON.parse(toOutgoing(session!).json) as ReturnType<typeof toOutgoing>['snapshot'];
    expect(sent).not.toHaveProperty('place');
    expect(sent.routes[0]).not.toHaveProperty('climb');
    expect(sent.routes[0]?.climbId).toBe('c1');
    // Opening again runs nothing more.
    await open(storage);
    expect(await storage.getItem(sessionKey('a1b2'))).toBe(V1_SESSION);
  });
});

describe('a session elsewhere with climbs not on a wall', () => {
  it('starts with a place (trimmed; blank is none), never beside a wall', async () => {
    const { store } = await open();
    expect(() => store.startSession({ layoutId: 'L1', place: 'Smith Rock' })).toThrow(/place/);
    expect(() => store.startSession({ layoutId: null, place: 'p'.repeat(201) })).toThrow(/place/);
    const s = store.startSession({ layoutId: null, place: '  Smith Rock ' });
    expect(s).toMatchObject({ layoutId: null, place: 'Smith Rock' });
    store.endSession(s.id);
    expect(store.startSession({ layoutId: null, place: '  ' })).not.toHaveProperty('place');
  });

  it('logs unlisted climbs offline, refuses a route naming both or neither, and syncs them', async () => {
    const { store } = await open();
    const s = store.startSession({ layoutId: null, place: 'Smith Rock' });
    const r = store.logRoute(s.id, { climbId: null, climb: CRAG, isSuccess: true, attempts: 3 });
    expect(r).toMatchObject({ climbId: null, climb: CRAG });
    expect(() =>
      store.logRoute(s.id, { climbId: 'c1', climb: CRAG, isSuccess: true, attempts: 1 }),
    ).toThrow(/climb/);
    expect(() => store.logRoute(s.id, { isSuccess: true, attempts: 1 })).toThrow(/climbId/);
    const edited = store.updateRoute(s.id, r.id, { climb: { ...CRAG, grade: '5.12d' } });
    expect(edited.climb?.grade).toBe('5.12d');
    store.endSession(s.id);

    const server = new FakeServer({ now: () => Date.parse('2026-11-25T12:00:00.000Z') });
    const outgoing = toOutgoing(store.getSession(s.id)!);
    expect(outgoing.snapshot).toMatchObject({ layoutId: null, place: 'Smith Rock' });
    expect(server.ingest(outgoing.snapshot, 0).success).toBe(true);
    const [answered] = server.all();
    expect(answered).toMatchObject({ place: 'Smith Rock' });
    expect(answered?.routes[0]).toMatchObject({
      climbId: null,
      climb: { ...CRAG, grade: '5.12d' },
      climbName: CRAG.name,
      grade: '5.12d',
    });
    // Pulled onto another phone, the session keeps its place and climbs.
    const copy = sessionFromServer(answered!, null);
    expect(copy.place).toBe('Smith Rock');
    expect(copy.routes[0]?.climb).toEqual({ ...CRAG, grade: '5.12d' });
    const other = await open();
    syncPortOf(other.store).applyServerSessions([answered!]);
    expect(other.store.getSession(answered!.clientSessionId!)?.place).toBe('Smith Rock');
  });
});
