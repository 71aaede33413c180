import { availableParallelism } from 'node:os';

/**
 * Password hashes (scrypt, ~50 ms of one core each) run at most a few at a time per process, so
 * a burst of logins cannot take every core from the requests of climbers already signed in: the
 * logins wait for a slot instead. A bound on a resource, not a rule of correctness, so it lives
 * in memory per process. When too many wait, the next one is refused at once (`HashingBusy`)
 * rather than queued behind a spray.
 */
export class HashingBusy extends Error {
  constructor() {
    super('too many password checks are waiting');
  }
}

export class HashingSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.maxWaiting) throw new HashingBusy();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Half the cores (at least one): the other half keeps answering everyone else. */
export const HASHING = new HashingSlots(Math.max(1, Math.floor(availableParallelism() / 2)), 64);
