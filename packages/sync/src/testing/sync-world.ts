import fc from 'fast-check';
import type { Session } from '@sendlog/contract';
import { expect } from 'vitest';
import type { FetchLike } from '../engine/http.js';
import { createSyncEngine } from '../engine/sync-engine.js';
import type { SyncEngine, SyncReport } from '../engine/sync-engine.js';
import { createMemoryStorage } from '../store/memory-storage.js';
import { SessionStoreError } from '../store/errors.js';
import type { LocalRoute } from '../store/model.js';
import { createSessionStore } from '../store/session-store.js';
import type { SessionStore } from '../store/session-store.js';
import type { Fault } from './fake-server.js';
import type { ManualClock } from './manual-timers.js';
import { sequentialIds } from './manual-timers.js';

/**
 * A model of two devices of one user making random edits, deletes and syncs through a network
 * that loses requests and answers. The truth it keeps: every route's latest value (the last
 * writer in time wins, as the server's merge says), every removed route and every deleted session
 * (a delete wins over any edit, for good, unless undone before it left). Used against the
 * in-memory fake server (many runs) and the real one (fewer).
 */

type Dev = 0 | 1;
type Mutation =
  | { t: 'start'; dev: Dev }
  | { t: 'log'; dev: Dev; sel: number; climb: string; attempts: number }
  | { t: 'update'; dev: Dev; sel: number; rsel: number; attempts: number }
  | { t: 'remove'; dev: Dev; sel: number; rsel: number }
  | { t: 'notes'; dev: Dev; sel: number; text: string }
  | { t: 'end'; dev: Dev }
  | { t: 'retry'; dev: Dev; sel: number }
  | { t: 'delete'; dev: Dev; sel: number }
  /** Undo of the device's last delete (too late once its tombstone has left). */
  | { t: 'undo'; dev: Dev };
export type Command = Mutation | { t: 'sync'; dev: Dev; faults: Fault[]; during: Mutation | null };

const dev = fc.constantFrom<Dev>(0, 1);
const sel = fc.nat(20);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('start' as const), dev }) },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('log' as const),
      dev,
      sel,
      climb: fc.constantFrom('c1', 'c2', 'c3', 'bad'),
      attempts: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('update' as const),
      dev,
      sel,
      rsel: sel,
      attempts: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('remove' as const), dev, sel, rsel: sel }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('notes' as const),
      dev,
      sel,
      text: fc.constantFrom('crimpy', 'slopers', 'tired'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('end' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('retry' as const), dev, sel }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), dev, sel }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('undo' as const), dev }) },
);
const fault = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Fault>('none') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Fault>('drop_request', 'drop_response', 'http_500', 'http_429'),
  },
);
export const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: mutation },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('sync' as const),
      dev,
      faults: fc.array(fault, { maxLength: 2 }),
      during: fc.option(mutation, { nil: null }),
    }),
  },
);

type RouteValue = Pick<LocalRoute, 'climbId' | 'isSuccess' | 'attempts' | 'notes'>;
const valueOf = (r: RouteValue): RouteValue => ({
  climbId: r.climbId,
  isSuccess: r.isSuccess,
  attempts: r.attempts,
  notes: r.notes,
});

/** The server a world syncs with, and the faults its network can inject. */
export interface WorldBackend {
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch: FetchLike;
  readonly clock: ManualClock;
  /** A layout the server knows. */
  readonly layoutId: string;
  /** The server's id of a test climb name; 'bad' names no climb. */
  climb(name: string): string;
  injectFaults(...faults: Fault[]): void;
  clearFaults(): void;
  /** Runs once the server has processed the next request, before its answer leaves. */
  onNextAnswer(hook: () => void): void;
  sessions(): Promise<Session[]>;
}

/** Counts of what the server answered over all runs: a property is only worth as much as this. */
export interface Seen {
  created: number;
  duplicate: number;
  updated: number;
  merged: number;
  rejected: number;
  lost: number;
  /** Deletes of sessions the server may hold (tombstones), and undos that restored one. */
  deleted: number;
  undone: number;
}

export function noneSeen(): Seen {
  return {
    created: 0,
    duplicate: 0,
    updated: 0,
    merged: 0,
    rejected: 0,
    lost: 0,
    deleted: 0,
    undone: 0,
  };
}

export class World {
  private readonly clock: ManualClock;

  constructor(
    private readonly server: WorldBackend,
    private readonly seen: Seen,
  ) {
    this.clock = server.clock;
  }

  stores: SessionStore[] = [];
  engines: SyncEngine[] = [];
  /** Every route's latest value (last writer in time wins, as the server's merge says). */
  readonly truth = new Map<string, RouteValue>();
  readonly removed = new Set<string>();
  /** Routes each device logged itself: it must never stop showing them unless removed. */
  readonly loggedBy: Set<string>[] = [new Set(), new Set()];
  readonly removedBy: Set<string>[] = [new Set(), new Set()];
  /** The session each route was logged in. */
  readonly sessionOf = new Map<string, string>();
  /** Sessions each device deleted (and did not undo): they must never come back. */
  readonly deletedBy: Set<string>[] = [new Set(), new Set()];
  private readonly lastDeleted: (string | null)[] = [null, null];

  isDeleted(sessionId: string | undefined): boolean {
    return sessionId != null && this.deletedBy.some((set) => set.has(sessionId));
  }

  async init(): Promise<void> {
    for (const d of [0, 1]) {
      const store = await createSessionStore({
        storage: createMemoryStorage(),
        now: this.clock.now,
        uuid: sequentialIds(`d${d}`),
      });
      this.stores.push(store);
      this.engines.push(
        createSyncEngine({
          store,
          baseUrl: this.server.baseUrl,
          getToken: () => this.server.token,
          fetch: this.server.fetch,
          now: this.clock.now,
          random: () => 0.5,
          timers: { setTimeout: () => 0, clearTimeout: () => {} },
        }),
      );
    }
  }

  count(report: SyncReport): void {
    for (const k of ['created', 'duplicate', 'updated', 'merged', 'rejected'] as const) {
      this.seen[k] += report[k];
    }
    if (report.error?.code === 'network_error') this.seen.lost += 1;
  }

  store(d: Dev): SessionStore {
    return this.stores[d]!;
  }

  mutate(m: Mutation): void {
    this.clock.advance(1000);
    const store = this.store(m.dev);
    const sessions = store.getSessions();
    const session =
      sessions.length > 0 ? sessions[('sel' in m ? m.sel : 0) % sessions.length] : null;
    switch (m.t) {
      case 'start':
        if (!store.getActiveSession()) store.startSession({ layoutId: this.server.layoutId });
        return;
      case 'end': {
        const active = store.getActiveSession();
        if (active) store.endSession(active.id);
        return;
      }
      case 'log': {
        // Mostly on the session being climbed, sometimes on an older one (an edit afterwards).
        const target = m.sel % 2 === 0 ? (store.getActiveSession() ?? session) : session;
        if (!target) return;
        const r = store.logRoute(target.id, {
          climbId: this.server.climb(m.climb),
          isSuccess: m.attempts === 1,
          attempts: m.attempts,
        });
        this.truth.set(r.id, valueOf(r));
        this.loggedBy[m.dev]!.add(r.id);
        this.sessionOf.set(r.id, target.id);
        return;
      }
      case 'update': {
        const route = session?.routes[m.rsel % Math.max(1, session.routes.length)];
        if (!session || !route) return;
        const r = store.updateRoute(session.id, route.id, { attempts: m.attempts });
        if (!this.removed.has(r.id)) this.truth.set(r.id, valueOf(r));
        return;
      }
      case 'remove': {
        const route = session?.routes[m.rsel % Math.max(1, session.routes.length)];
        if (!session || !route) return;
        store.removeRoute(session.id, route.id);
        this.removed.add(route.id);
        this.removedBy[m.dev]!.add(route.id);
        this.truth.delete(route.id);
        return;
      }
      case 'notes':
        if (session) store.updateNotes(session.id, m.text);
        return;
      case 'retry':
        if (session?.status === 'sync_failed') store.retrySession(session.id);
        return;
      case 'delete': {
        if (!session) return;
        if (session.serverSessionId != null || session.offered) this.seen.deleted += 1;
        store.deleteSession(session.id);
        this.deletedBy[m.dev]!.add(session.id);
        this.lastDeleted[m.dev] = session.id;
        return;
      }
      case 'undo': {
        const id = this.lastDeleted[m.dev];
        this.lastDeleted[m.dev] = null;
        if (id == null) return;
        let restored = null;
        try {
          restored = store.undoDelete(id);
        } catch (error) {
          // An active session deleted, then another started: it cannot come back as active.
          if (!(error instanceof SessionStoreError)) throw error;
        }
        if (restored) {
          this.deletedBy[m.dev]!.delete(id);
          this.seen.undone += 1;
        }
        return;
      }
    }
  }

  async run(c: Command): Promise<void> {
    if (c.t !== 'sync') {
      this.mutate(c);
    } else {
      this.server.clearFaults();
      this.server.injectFaults(...c.faults);
      const during = c.during;
      if (during) this.server.onNextAnswer(() => this.mutate({ ...during, dev: c.dev }));
      this.clock.advance(1000);
      const report = await this.engines[c.dev]!.syncNow();
      this.count(report);
      expect(report.pending).toBeGreaterThanOrEqual(0);
      this.server.clearFaults();
      this.server.onNextAnswer(() => {});
    }
    this.checkNothingLostOrResurrected();
  }

  checkNothingLostOrResurrected(): void {
    for (const d of [0, 1] as const) {
      const shown = new Set(
        this.store(d)
          .getSessions()
          .flatMap((s) => s.routes.map((r) => r.id)),
      );
      for (const id of this.loggedBy[d]!) {
        if (!this.removed.has(id) && !this.isDeleted(this.sessionOf.get(id))) {
          expect(shown.has(id), `device ${d} lost route ${id}`).toBe(true);
        }
      }
      const sessions = new Set(
        this.store(d)
          .getSessions()
          .map((s) => s.id),
      );
      for (const id of this.deletedBy[d]!) {
        expect(sessions.has(id), `device ${d} brought deleted session ${id} back`).toBe(false);
      }
      for (const id of this.removedBy[d]!) {
        expect(shown.has(id), `device ${d} resurrected route ${id}`).toBe(false);
      }
    }
  }

  /** The climber ends what is open and fixes what the server refused; the network is fine. */
  async heal(): Promise<void> {
    for (const d of [0, 1] as const) {
      const store = this.store(d);
      const active = store.getActiveSession();
      if (active) store.endSession(active.id);
    }
    for (let round = 0; round < 4; round++) {
      for (const d of [0, 1] as const) {
        const store = this.store(d);
        for (const s of store.getSessions()) {
          for (const r of s.routes) {
            if (r.climbId === this.server.climb('bad')) {
              this.clock.advance(1000);
              const fixed = store.updateRoute(s.id, r.id, { climbId: this.server.climb('c3') });
              if (!this.removed.has(r.id)) this.truth.set(r.id, valueOf(fixed));
            }
          }
        }
        this.clock.advance(1000);
        this.count(await this.engines[d]!.syncNow());
      }
    }
  }

  async checkConverged(): Promise<void> {
    const onServer = await this.server.sessions();
    const keys = onServer.map((s) => s.clientSessionId);
    expect(new Set(keys).size, 'one server session per client session').toBe(keys.length);
    for (const key of keys) {
      expect(this.isDeleted(key ?? undefined), `deleted session ${key} is on the server`).toBe(
        false,
      );
    }
    const serverRoutes = new Map<string, RouteValue>();
    for (const s of onServer)
      for (const r of s.routes) serverRoutes.set(r.clientRouteId, valueOf(r));
    // Every route logged and not removed, in a session not deleted, is on the server exactly with
    // its latest value.
    const expected = [...this.truth].filter(([id]) => !this.isDeleted(this.sessionOf.get(id)));
    expect(Object.fromEntries(serverRoutes)).toEqual(Object.fromEntries(expected));
    for (const d of [0, 1] as const) {
      const local = this.store(d).getSessions();
      for (const s of local) expect(s.status, `device ${d} session ${s.id}`).toBe('synced');
      // Both devices hold every session, equal to the server's copy.
      expect(local.map((s) => s.id).sort()).toEqual([...keys].sort());
      for (const s of onServer) {
        const mine = local.find((l) => l.id === s.clientSessionId);
        expect(mine?.notes).toBe(s.notes);
        expect(mine?.endTime).toBe(s.endTime);
        expect(mine?.routes.map((r) => [r.id, valueOf(r)])).toEqual(
          expect.arrayContaining(s.routes.map((r) => [r.clientRouteId, valueOf(r)])),
        );
        expect(mine?.routes).toHaveLength(s.routes.length);
      }
    }
  }
}
