import { oneAtATime } from './oneAtATime';

function deferred() {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('oneAtATime', () => {
  it('runs once more after a run for every burst of calls during it, with the latest arguments', async () => {
    const calls: number[] = [];
    const gates = [deferred(), deferred()];
    const run = oneAtATime(async (n: number) => {
      calls.push(n);
      await gates[calls.length - 1]?.promise;
    });
    const first = run(1);
    const second = run(2);
    const third = run(3);
    expect(second).toBe(third);
    expect(calls).toEqual([1]);
    gates[0]?.resolve();
    await first;
    await Promise.resolve();
    expect(calls).toEqual([1, 3]);
    gates[1]?.resolve();
    await third;
    expect(calls).toEqual([1, 3]);
    await run(4);
    expect(calls).toEqual([1, 3, 4]);
  });

  it('goes on after a run that failed', async () => {
    const calls: number[] = [];
    const run = oneAtATime(async (n: number) => {
      calls.push(n);
      if (n === 1) throw new Error('no');
    });
    const first = run(1);
    const second = run(2);
    await expect(first).rejects.toThrow('no');
    await second;
    expect(calls).toEqual([1, 2]);
  });
});
