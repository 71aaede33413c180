import {
  createMemoryStorage,
  createSessionStore,
  type KeyValueStorage,
  type LocalSession,
  type SessionStore,
} from '@sendlog/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Part 6 of issue 5: the phone's storage misbehaves. A write that throws half-way (some keys
 * applied, then an error) leaves the store readable and reopening over the same storage gives
 * the last committed state; an app killed between logging a route and the write finishing loses
 * at most that one change.
 */
const RUNS = Number(process.env.RELIABILITY_CLIENT_RUNS ?? 300);
const CLIMBS = ['c-1', 'c-2', 'c-3'];

/**
 * Storage in front of a real (memory) storage that can fail like a phone's: `failing` writes
 * apply only their first half of keys and then throw; after `kill`, it applies `pairsLeft` more
 * pairs and then nothing ever again (the process is gone; its promises never settle).
 */
class FaultyStorage implements KeyValueStorage {
  failing = 0;
  failures = 0;
  private pairsLeft = Number.POSITIVE_INFINITY;

  constructor(readonly inner: KeyValueStorage) {}

  kill(pairsLeft: number): void {
    this.pairsLeft = pairsLeft;
  }

  private get dead(): boolean {
    return this.pairsLeft <= 0;
  }

  private forever(): Promise<never> {
    return new Promise<never>(() => undefined);
  }

  getItem = (key: string) => this.inner.getItem(key);
  multiGet = (keys: readonly string[]) => this.inner.multiGet(keys);
  getAllKeys = () => this.inner.getAllKeys();

  setItem = async (key: string, value: string) => this.multiSet([[key, value]]);
  removeItem = async (key: string) => this.multiRemove([key]);

  multiSet = async (pairs: readonly (readonly [string, string])[]) => {
    if (this.dead) return this.forever();
    const half = this.failing > 0 ? Math.ceil(pairs.length / 2) : pairs.length;
    for (const pair of pairs.slice(0, half)) {
      if (this.dead) return this.forever();
      await this.inner.multiSet([pair]);
      this.pairsLeft -= 1;
    }
    if (this.failing > 0) {
      this.failing -= 1;
      this.failures += 1;
      throw new Error('QuotaExceededError: the disk is full');
    }
    if (this.dead) return this.forever();
  };

  multiRemove = async (keys: readonly string[]) => {
    if (this.dead) return this.forever();
    if (this.failing > 0) {
      await this.inner.multiRemove(keys.slice(0, Math.ceil(keys.length / 2)));
      this.failing -= 1;
      this.failures += 1;
      throw new Error('EIO: the storage failed');
    }
    await this.inner.multiRemove(keys);
  };
}

/** A copy of everything in storage right now: the disk as a restarted app finds it. */
async function diskImage(storage: KeyValueStorage): Promise<KeyValueStorage> {
  const copy = createMemoryStorage();
  const keys = await storage.getAllKeys();
  const pairs = (await storage.multiGet(keys)).filter(
    (p): p is readonly [string, string] => p[1] !== null,
  );
  await copy.multiSet(pairs);
  return copy;
}

/** What a climber would call the session: the fields they logged. */
function essence(s: LocalSession) {
  return {
    id: s.id,
    status: s.status,
    notes: s.notes,
    endTime: s.endTime,
    routes: s.routes.map((r) => [r.id, r.climbId, r.isSuccess, r.attempts, r.notes]),
    removed: [...s.removedRouteIds],
  };
}
const essences = (store: SessionStore) =>
  new Map(store.getSessions().map((s) => [s.id, JSON.stringify(essence(s))]));

type Op =
  | { kind: 'start' }
  | { kind: 'log'; climb: number; attempts: number }
  | { kind: 'notes'; text: string }
  | { kind: 'edit'; attempts: number }
  | { kind: 'remove' }
  | { kind: 'end' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'start' }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      climb: fc.nat({ max: 2 }),
      attempts: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('notes' as const),
      text: fc.string({ maxLength: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      attempts: fc.integer({ min: 1, max: 9 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'remove' }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'end' }) },
);

/** Applies one user action where it makes sense (like the UI would allow); false if it did not. */
function apply(store: SessionStore, op: Op): boolean {
  const active = store.getActiveSession();
  const latest = store.getSessions()[0];
  switch (op.kind) {
    case 'start':
      if (active) return false;
      store.startSession({ layoutId: 'layout-1' });
      return true;
    case 'log':
      if (!active) return false;
      store.logRoute(active.id, {
        climbId: CLIMBS[op.climb]!,
        isSuccess: op.attempts === 1,
        attempts: op.attempts,
      });
      return true;
    case 'notes':
      if (!latest) return false;
      store.updateNotes(latest.id, op.text);
      return true;
    case 'edit': {
      const route = latest?.routes[0];
      if (!latest || !route) return false;
      store.updateRoute(latest.id, route.id, { attempts: op.attempts });
      return true;
    }
    case 'remove': {
      const route = latest?.routes.at(-1);
      if (!latest || !route) return false;
      store.removeRoute(latest.id, route.id);
      return true;
    }
    case 'end':
      if (!active) return false;
      store.endSession(active.id);
      return true;
  }
}

describe('client storage faults', () => {
  it('a write that throws half-way leaves the store readable, loses nothing, and catches up', async () => {
    const storage = new FaultyStorage(createMemoryStorage());
    let clock = Date.parse('2026-11-24T18:00:00.000Z');
    const store = await createSessionStore({ storage, now: () => (clock += 1_000) });
    const first = store.startSession({ layoutId: 'layout-1' });
    for (const climbId of CLIMBS)
      store.logRoute(first.id, { climbId, isSuccess: true, attempts: 2 });
    store.endSession(first.id);
    const second = store.startSession({ layoutId: 'layout-1' });
    store.logRoute(second.id, { climbId: 'c-1', isSuccess: false, attempts: 4 });
    await store.flush();
    const committed = essences(store);

    // The disk starts failing: each write applies half its keys, then throws.
    storage.failing = 3;
    store.logRoute(second.id, { climbId: 'c-2', isSuccess: true, attempts: 1 });
    store.updateNotes(first.id, 'written while the disk was failing');
    store.endSession(second.id);
    const third = store.startSession({ layoutId: 'layout-1' });
    store.logRoute(third.id, { climbId: 'c-3', isSuccess: true, attempts: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(storage.failures).toBeGreaterThan(0);

    // Still readable, with everything the climber did.
    const inMemory = essences(store);
    expect(store.getSessions()).toHaveLength(3);
    expect(store.getSession(second.id)?.routes).toHaveLength(2);

    // An app started now on the same disk opens, and every committed session is there, each as
    // committed or as newer (never older, never broken).
    const reopened = await createSessionStore({ storage: await diskImage(storage.inner) });
    const onDisk = essences(reopened);
    for (const [id, text] of committed) {
      expect(onDisk.has(id), `session ${id} lost`).toBe(true);
      expect([text, inMemory.get(id)]).toContain(onDisk.get(id));
    }

    // The queue retries: once the disk recovers, everything lands.
    await store.flush();
    const recovered = essences(
      await createSessionStore({ storage: await diskImage(storage.inner) }),
    );
    expect(recovered).toEqual(inMemory);
    console.log(
      `[reliability] client storage throwing half-way: ${storage.failures} failed writes, ` +
        `${committed.size} committed sessions all readable after reopen, lost 0, ` +
        `caught up to ${recovered.size} sessions once the disk recovered`,
    );
  });

  it('an app killed while a change is being written loses at most that change', async () => {
    let runs = 0;
    let lostChange = 0;
    let keptChange = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        opArb,
        fc.nat({ max: 3 }),
        async (before, last, pairsBeforeDeath) => {
          runs += 1;
          const storage = new FaultyStorage(createMemoryStorage());
          let clock = Date.parse('2026-11-24T18:00:00.000Z');
          const store = await createSessionStore({ storage, now: () => (clock += 1_000) });
          for (const op of before) apply(store, op);
          await store.flush();
          const committed = essences(store);

          // The climber logs one more thing; the app dies while (or before) it is written.
          storage.kill(pairsBeforeDeath);
          const changed = apply(store, last);
          await new Promise((r) => setTimeout(r, 0));
          const intended = essences(store);

          const reopened = await createSessionStore({ storage: await diskImage(storage.inner) });
          const onDisk = essences(reopened);
          // Every committed session survives, each as committed or with the last change (which
          // may be discarding an empty session: then it is there as committed or gone).
          for (const [id, text] of committed) {
            if (intended.has(id)) expect(onDisk.has(id), `session ${id} lost`).toBe(true);
            expect([text, intended.get(id)]).toContain(onDisk.get(id));
          }
          // Nothing appears that the climber did not make.
          for (const [id, text] of onDisk) {
            if (!committed.has(id)) expect(text).toBe(intended.get(id));
          }
          if (changed) {
            const same = [...intended].every(([id, text]) => onDisk.get(id) === text);
            if (same && onDisk.size === intended.size) keptChange += 1;
            else lostChange += 1;
          }
          // A store over what is left keeps working: the climber can log again.
          const session = reopened.getActiveSession() ?? reopened.startSession({ layoutId: 'l' });
          reopened.logRoute(session.id, { climbId: 'c-1', isSuccess: true, attempts: 1 });
          await reopened.flush();
        },
      ),
      { numRuns: RUNS },
    );
    console.log(
      `[reliability] app killed mid-write: ${runs} histories, last change kept ${keptChange}, ` +
        `lost (only that change) ${lostChange}, committed sessions lost 0`,
    );
    expect(keptChange).toBeGreaterThan(0);
    expect(lostChange).toBeGreaterThan(0);
  });
});
