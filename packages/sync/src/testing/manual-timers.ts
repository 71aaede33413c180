import type { Timers } from '../engine/http.js';

/** Timers driven by the test: nothing fires until `advanceTo`/`runDue` says the time has come. */
export class ManualTimers implements Timers {
  private nextHandle = 1;
  readonly scheduled = new Map<number, { fn: () => void; at: number; ms: number }>();

  constructor(private readonly clock: { now(): number }) {}

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.scheduled.set(handle, { fn, at: this.clock.now() + ms, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.scheduled.delete(handle as number);
  }

  /** Delays of the timers still waiting, in the order they were set. */
  pendingDelays(): number[] {
    return [...this.scheduled.values()].map((t) => t.ms);
  }

  /** Runs every timer due at the clock's current time. */
  runDue(): number {
    let ran = 0;
    for (const [handle, t] of [...this.scheduled]) {
      if (t.at <= this.clock.now() && this.scheduled.has(handle)) {
        this.scheduled.delete(handle);
        t.fn();
        ran += 1;
      }
    }
    return ran;
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms: number = Date.parse('2026-11-24T18:00:00.000Z')) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A connectivity source the test switches. */
export class ManualConnectivity {
  private listeners = new Set<() => void>();
  constructor(public online: boolean | null = true) {}
  isOnline = (): boolean | null => this.online;
  subscribe = (cb: () => void): (() => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };
  set(online: boolean): void {
    this.online = online;
    for (const cb of [...this.listeners]) cb();
  }
}

/** Sequential ids, so failures are readable. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}
