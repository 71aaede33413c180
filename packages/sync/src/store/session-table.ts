import type { KeyValueStorage, LocalSession } from './model.js';
import type { Loaded } from './load.js';
import { needsSync } from './status.js';
import { STORAGE_KEYS, encodeIndex, encodeSession, sessionKey } from './storage-layout.js';
import { SerialWriteQueue } from './write-queue.js';
import type { ValueProducer } from './write-queue.js';

/** Why listeners were called: the engine starts a sync when a session ends. */
export type StoreChangeReason =
  | 'edit'
  | 'end'
  | 'discard'
  | 'sync'
  | 'pull'
  /** The climber deleted a session (the engine sends it once the undo time is over). */
  | 'delete'
  /** A delete was undone. */
  | 'restore';

export interface StoreChange {
  readonly reason: StoreChangeReason;
  readonly sessionIds: readonly string[];
}

export type StoreListener = (change: StoreChange) => void;

/**
 * The sessions in memory that the climber's edits and the sync engine both change: every change
 * goes through `put` or `remove`, which keep the counts, the ordered list and storage up to date.
 */
export class SessionTable {
  private readonly sessions: Map<string, LocalSession>;
  private readonly writer: SerialWriteQueue;
  private readonly listeners = new Set<StoreListener>();
  /** Ids (local and server) of sessions discarded here: a pull must not put them back. */
  private readonly discarded: Set<string>;
  /** Sessions deleted before they ever left the phone, by id: what undoDelete restores. */
  readonly removedUnsent = new Map<string, LocalSession>();
  /** Newest first; rebuilt only when sessions come or go (start times never change). */
  private orderedIds: string[] | null = null;
  private positions = new Map<string, number>();
  private snapshot: readonly LocalSession[] | null = null;
  // Kept up to date by put/remove, so neither reading them nor logging a route walks the history.
  private pending = 0;
  private activeId: string | null = null;

  constructor(storage: KeyValueStorage, loaded: Loaded, discarded: Iterable<string>) {
    this.sessions = new Map(loaded.sessions.map((s) => [s.id, s]));
    this.discarded = new Set(discarded);
    this.writer = new SerialWriteQueue(storage, STORAGE_KEYS.index);
    if (loaded.indexStale) this.writeIndex();
    for (const s of this.sessions.values()) {
      if (needsSync(s)) this.pending += 1;
      if (s.status === 'active') this.activeId = s.id;
    }
  }

  /** Any session held, a deleted one (a tombstone waiting to be sent) too. */
  get(sessionId: string): LocalSession | undefined {
    return this.sessions.get(sessionId);
  }

  has(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  all(): Iterable<LocalSession> {
    return this.sessions.values();
  }

  active(): LocalSession | null {
    return this.activeId == null ? null : (this.sessions.get(this.activeId) ?? null);
  }

  pendingCount(): number {
    return this.pending;
  }

  /** Every session the climber can see, newest start first; the same array until one changes. */
  visible(): readonly LocalSession[] {
    if (this.snapshot) return this.snapshot;
    this.orderedIds ??= [...this.sessions.values()].sort(compareNewestFirst).map((s) => s.id);
    const list = this.orderedIds
      .map((id) => this.sessions.get(id))
      .filter((s): s is LocalSession => s != null && s.deletion == null);
    this.positions = new Map(list.map((s, i) => [s.id, i]));
    this.snapshot = list;
    return this.snapshot;
  }

  put(s: LocalSession): void {
    const old = this.sessions.get(s.id);
    const isNew = !old;
    if (old && (old.deletion == null) !== (s.deletion == null)) {
      // Deleted or restored: it leaves or rejoins the list, so the list is rebuilt.
      this.orderedIds = null;
      this.snapshot = null;
    }
    this.pending += Number(needsSync(s)) - Number(old ? needsSync(old) : false);
    if (s.status === 'active') this.activeId = s.id;
    else if (this.activeId === s.id) this.activeId = null;
    this.sessions.set(s.id, Object.freeze(s));
    this.writeSession(s.id);
    if (isNew) {
      this.writeIndex();
    } else if (this.snapshot) {
      // One session changed: a new array with that element replaced, not a rebuild and sort.
      const at = this.positions.get(s.id);
      const next = this.snapshot.slice();
      if (at !== undefined) next[at] = s;
      // Typed readonly rather than frozen: freezing a large array costs V8 a slow copy.
      this.snapshot = next;
    }
  }

  remove(sessionId: string): void {
    const old = this.sessions.get(sessionId);
    if (old && needsSync(old)) this.pending -= 1;
    if (this.activeId === sessionId) this.activeId = null;
    this.sessions.delete(sessionId);
    this.writeSession(sessionId);
    this.writeIndex();
  }

  /** Remembers a discarded session's ids (kept in storage) so a pull skips it. */
  rememberDiscarded(ids: readonly (string | null)[]): void {
    for (const id of ids) if (id != null) this.discarded.add(id);
    this.writer.mark(STORAGE_KEYS.discarded, () => encodeIndex(this.discarded));
  }

  wasDiscarded(id: string): boolean {
    return this.discarded.has(id);
  }

  /** Queues a write of one more key (the sync bookkeeping) with the sessions' writes. */
  writeKey(key: string, produce: ValueProducer): void {
    this.writer.mark(key, produce);
  }

  emit(reason: StoreChangeReason, sessionIds: readonly string[]): void {
    const change: StoreChange = { reason, sessionIds };
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        // A broken listener must not undo a stored change; surface it without unwinding.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once every change made so far is in storage. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private writeSession(id: string): void {
    this.writer.mark(sessionKey(id), () => {
      const s = this.sessions.get(id);
      return s ? encodeSession(s) : null;
    });
  }

  private writeIndex(): void {
    this.orderedIds = null;
    this.snapshot = null;
    this.writer.mark(STORAGE_KEYS.index, () => encodeIndex(this.sessions.keys()));
  }
}

export function compareNewestFirst(a: LocalSession, b: LocalSession): number {
  const byStart = Date.parse(b.startTime) - Date.parse(a.startTime);
  if (byStart !== 0) return byStart;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
