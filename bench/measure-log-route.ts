/**
 * Cost of `logRoute` with 10 and with 10,000 sessions in history (not a test: run it and read).
 *   npx tsx bench/measure-log-route.ts
 * With a sync engine attached, as in the app. Prints per call: time of the synchronous call, time until it is in storage, bytes and keys
 * written, and the time of the first `getSessions()` after it (what a history screen re-reads).
 */
import { performance } from 'node:perf_hooks';
import { createMemoryStorage, createSessionStore, createSyncEngine } from '@sendlog/sync';
import type { KeyValueStorage } from '@sendlog/sync';

const ROUTES_PER_SESSION = 20;
const CALLS = 400;

async function measure(history: number): Promise<void> {
  const base = createMemoryStorage();
  let bytes = 0;
  let keys = 0;
  let counting = false;
  const storage: KeyValueStorage = {
    ...base,
    multiSet: async (pairs) => {
      if (counting)
        for (const [k, v] of pairs) {
          bytes += k.length + v.length;
          keys += 1;
        }
      return base.multiSet(pairs);
    },
  };
  const store = await createSessionStore({ storage });
  for (let i = 0; i < history; i++) {
    const s = store.startSession({ layoutId: 'L1' });
    for (let r = 0; r < ROUTES_PER_SESSION; r++) {
      store.logRoute(s.id, { climbId: `climb-${r}`, isSuccess: r % 2 === 0, attempts: 1 + r });
    }
    store.endSession(s.id);
  }
  await store.flush();
  const reopenStart = performance.now();
  const reopened = await createSessionStore({ storage });
  const reopenMs = performance.now() - reopenStart;
  // Attached as in the app (its store listener runs inside every logRoute), never started here.
  createSyncEngine({
    store: reopened,
    baseUrl: 'http://unused.invalid',
    getToken: () => null,
    fetch: () => Promise.reject(new Error('not used')),
  });

  let s = reopened.startSession({ layoutId: 'L1' });
  await reopened.flush();
  const callMs: number[] = [];
  const persistMs: number[] = [];
  const readMs: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    if (i > 0 && i % ROUTES_PER_SESSION === 0) {
      // A realistic session size: start the next session outside the measured calls.
      reopened.endSession(s.id);
      s = reopened.startSession({ layoutId: 'L1' });
      await reopened.flush();
      reopened.getSessions();
    }
    counting = true;
    const t0 = performance.now();
    reopened.logRoute(s.id, { climbId: 'climb-x', isSuccess: false, attempts: 2, notes: 'beta' });
    const t1 = performance.now();
    await reopened.flush();
    const t2 = performance.now();
    counting = false;
    reopened.getSessions();
    const t3 = performance.now();
    callMs.push(t1 - t0);
    persistMs.push(t2 - t0);
    readMs.push(t3 - t2);
  }
  // Medians and 95th percentiles: a garbage collection now and then is not the call's cost.
  const us = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) =>
      ((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 1000).toFixed(1);
    return `median ${at(0.5)} µs / p95 ${at(0.95)} µs`;
  };
  console.log(
    `${String(history).padStart(6)} sessions: logRoute ${us(callMs)} (call), ${us(persistMs)} ` +
      `(call + stored), ${(bytes / CALLS).toFixed(0)} B and ${(keys / CALLS).toFixed(2)} keys ` +
      `written per call; getSessions() after it ${us(readMs)}; reopen ${reopenMs.toFixed(0)} ms`,
  );
}

// Warm up the JIT once so the first figure is not the compiler's.
await measure(10);
console.log('--');
await measure(10);
await measure(10_000);
await measure(10);
