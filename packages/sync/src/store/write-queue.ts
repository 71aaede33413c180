import type { KeyValueStorage } from './model.js';

/** Produces a key's value at write time; null removes the key. */
export type ValueProducer = () => string | null;

/**
 * The store's one serial queue to storage. Mutations change memory first (synchronously, so the
 * next read and the next mutation see them) and mark keys dirty here; one write at a time then
 * brings storage up to the memory state. Several marks of one key before a write coalesce into
 * one write of its latest value, and a failed write is retried, never dropped.
 */
export class SerialWriteQueue {
  private readonly dirty = new Map<string, ValueProducer>();
  private running: Promise<void> | null = null;
  private failures = 0;
  private lastError: unknown = null;

  constructor(
    private readonly storage: KeyValueStorage,
    /** Written last within a write, so a reader never sees an index naming a missing session. */
    private readonly writeLastKey: string,
  ) {}

  mark(key: string, produce: ValueProducer): void {
    // Re-inserting keeps Map order = order of the latest change.
    this.dirty.delete(key);
    this.dirty.set(key, produce);
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    // Started on a microtask, so every key one mutation marks (a session and the index) goes
    // into the same multiSet.
    this.running = Promise.resolve()
      .then(() => this.drain())
      .finally(() => {
        this.running = null;
        // A mark that arrived after the last check of the loop.
        if (this.dirty.size > 0) this.kick();
      });
  }

  /** Resolves once everything marked before the call is in storage. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The error of the last failed write while writes keep failing, else null. */
  get error(): unknown {
    return this.failures > 0 ? this.lastError : null;
  }

  private async drain(): Promise<void> {
    while (this.dirty.size > 0) {
      const batch = [...this.dirty];
      this.dirty.clear();
      const sets: [string, string][] = [];
      const removes: string[] = [];
      for (const [key, produce] of batch) {
        const value = produce();
        if (value == null) removes.push(key);
        else sets.push([key, value]);
      }
      sets.sort(([a], [b]) => Number(a === this.writeLastKey) - Number(b === this.writeLastKey));
      try {
        // Removals first: a discarded session's key goes before the index stops naming it.
        if (removes.length > 0) await this.storage.multiRemove(removes);
        if (sets.length > 0) await this.storage.multiSet(sets);
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        for (const [key, produce] of batch) if (!this.dirty.has(key)) this.dirty.set(key, produce);
        this.failures += 1;
        this.lastError = error;
        await sleep(Math.min(30_000, 50 * 2 ** Math.min(this.failures, 10)));
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
