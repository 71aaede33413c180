import { describe, expect, it } from 'vitest';
import { HashingBusy, HashingSlots } from './hashing-slots.js';

/** A task that runs until `finish()` is called, counting how many run together. */
function gatedWork(counter: { now: number; most: number }) {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const work = async () => {
    counter.now += 1;
    counter.most = Math.max(counter.most, counter.now);
    await done;
    counter.now -= 1;
  };
  return { work, finish: () => finish() };
}

describe('hashing slots', () => {
  it('runs at most its slots at once, the rest in order as slots free up', async () => {
    const slots = new HashingSlots(2, 10);
    const counter = { now: 0, most: 0 };
    const tasks = Array.from({ length: 6 }, () => gatedWork(counter));
    const order: number[] = [];
    const runs = tasks.map((t, i) => slots.run(async () => (await t.work(), order.push(i))));
    await new Promise((r) => setImmediate(r));
    expect(counter.now).toBe(2);
    for (const t of tasks) {
      t.finish();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(runs);
    expect(counter.most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses at once when too many wait, and serves again once they are through', async () => {
    const slots = new HashingSlots(1, 2);
    const counter = { now: 0, most: 0 };
    const tasks = Array.from({ length: 3 }, () => gatedWork(counter));
    const runs = tasks.map((t) => slots.run(t.work));
    await expect(slots.run(async () => 'late')).rejects.toBeInstanceOf(HashingBusy);
    for (const t of tasks) t.finish();
    await Promise.all(runs);
    await expect(slots.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot of a task that fails', async () => {
    const slots = new HashingSlots(1, 0);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });
});
