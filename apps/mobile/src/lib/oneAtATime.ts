/**
 * Runs `task` one call at a time. A call while one runs asks for exactly one more run after it,
 * with the latest arguments (calls meanwhile share that run): what changed during a run is never
 * missed, and a burst of triggers costs two runs, not one each.
 */
export function oneAtATime<A extends unknown[]>(
  task: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: { args: A; done: Promise<void> } | null = null;

  const start = (args: A): Promise<void> => {
    const run = task(...args).finally(() => {
      running = null;
    });
    running = run;
    return run;
  };

  return (...args: A) => {
    if (!running) return start(args);
    if (queued) {
      queued.args = args;
      return queued.done;
    }
    const next: { args: A; done: Promise<void> } = { args, done: Promise.resolve() };
    next.done = running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start(next.args);
      });
    queued = next;
    return next.done;
  };
}
