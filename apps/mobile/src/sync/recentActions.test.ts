import { createMemoryStorage, createSessionStore } from '@sendlog/sync';
import type { SyncEngine } from './types';
import { createRecentActions, UNDO_MS } from './recentActions';

async function setUp() {
  const store = await createSessionStore({ storage: createMemoryStorage() });
  const syncNow = jest.fn(async () => {});
  const engine = { syncNow } as unknown as SyncEngine;
  const recent = createRecentActions(store, engine);
  const session = store.startSession({ layoutId: 'wall' });
  const route = store.logRoute(session.id, {
    climbId: 'c-crimp',
    isSuccess: true,
    attempts: 3,
    rating: 2,
    gradeOpinion: 'V3',
    notes: 'heel hook',
  });
  return { store, recent, session, route, syncNow };
}

describe('recent actions: one Undo for an end, a delete and a removal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('takes an end back: the session runs again', async () => {
    const { store, recent, session } = await setUp();
    recent.endSession(session.id);
    expect(recent.get()).toMatchObject({ kind: 'end', text: 'Session ended.', layoutId: 'wall' });
    expect(store.getActiveSession()).toBeNull();
    expect(recent.undo()?.kind).toBe('end');
    expect(store.getActiveSession()?.id).toBe(session.id);
    expect(recent.get()).toBeNull();
  });

  it('takes back the removal of a climb on no wall with its name, grade and kind', async () => {
    const { store, recent, session } = await setUp();
    store.endSession(session.id);
    const crag = store.startSession({ layoutId: null, place: 'Fontainebleau' });
    const climb = { name: 'La Marie-Rose', grade: '6A', kind: 'boulder' } as const;
    const route = store.logRoute(crag.id, { climbId: null, climb, isSuccess: true, attempts: 2 });
    recent.removeRoute(crag.id, route.id, climb.name);
    recent.undo();
    expect(store.getSession(crag.id)?.routes).toMatchObject([
      { climbId: null, climb, isSuccess: true, attempts: 2 },
    ]);
  });

  it('takes a removal back with all the route said, and a delete too', async () => {
    const { store, recent, session } = await setUp();
    const [route] = store.getSession(session.id)?.routes ?? [];
    recent.removeRoute(session.id, route?.id ?? '', 'Crimp School');
    expect(recent.get()?.text).toBe('Removed Crimp School.');
    expect(store.getSession(session.id)?.routes).toEqual([]);
    recent.undo();
    expect(store.getSession(session.id)?.routes).toMatchObject([
      {
        climbId: 'c-crimp',
        isSuccess: true,
        attempts: 3,
        rating: 2,
        gradeOpinion: 'V3',
        notes: 'heel hook',
      },
    ]);

    recent.deleteSession(session.id, 'Main Wall, today');
    expect(recent.get()?.text).toBe('Deleted Main Wall, today.');
    expect(store.getSession(session.id)).toBeNull();
    recent.undo();
    expect(store.getSession(session.id)?.routes).toHaveLength(1);
  });

  it('offers one action at a time, for UNDO_MS; a delete past its time is sent at once', async () => {
    const { store, recent, session, syncNow } = await setUp();
    recent.deleteSession(session.id, 'Main Wall, today');
    jest.advanceTimersByTime(UNDO_MS - 1);
    expect(recent.get()?.kind).toBe('delete');
    expect(syncNow).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(recent.get()).toBeNull();
    expect(syncNow).toHaveBeenCalledTimes(1);
    expect(recent.undo()).toBeNull();
    expect(store.getSession(session.id)).toBeNull();
  });

  it('a new action ends the last one’s time: a delete cut short is sent at once', async () => {
    const { store, recent, session, syncNow } = await setUp();
    store.endSession(session.id);
    const other = store.startSession({ layoutId: 'cave' });
    const heel = store.logRoute(other.id, { climbId: 'c-heel', isSuccess: false, attempts: 1 });
    recent.deleteSession(session.id, 'Main Wall, today');
    recent.removeRoute(other.id, heel.id, 'Heel Deal');
    expect(syncNow).toHaveBeenCalledTimes(1);
    expect(recent.get()?.text).toBe('Removed Heel Deal.');
  });

  it('an end is not taken back while another session runs', async () => {
    const { store, recent, session } = await setUp();
    recent.endSession(session.id);
    store.startSession({ layoutId: 'cave' });
    expect(recent.undo()).toBeNull();
    expect(store.getSession(session.id)?.status).toBe('completed');
  });
});
