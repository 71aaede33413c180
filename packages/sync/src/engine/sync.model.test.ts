import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeServer } from '../testing/fake-server.js';
import { ManualClock } from '../testing/manual-timers.js';
import { World, command, noneSeen } from '../testing/sync-world.js';
import type { WorldBackend } from '../testing/sync-world.js';

/**
 * Model-based test: two devices of one user make random edits and syncs against a server (the
 * in-memory fake of docs/api.md's merge table) that loses requests and answers. Whatever happens, no
 * route is ever lost, a removed route never comes back, and once the network heals every session
 * is synced once on the server and both devices agree with it.
 */

function fakeBackend(): WorldBackend {
  const clock = new ManualClock();
  const server = new FakeServer({ now: clock.now });
  return {
    baseUrl: 'http://sendlog.test',
    token: server.token,
    fetch: server.fetch,
    clock,
    layoutId: 'L1',
    climb: (name) => name,
    injectFaults: (...faults) => server.injectFaults(...faults),
    clearFaults: () => server.clearFaults(),
    onNextAnswer: (hook) => server.onNextAnswer(hook),
    sessions: async () => server.all(),
  };
}

describe('sync model', () => {
  it('never loses or resurrects a route, and converges once the network heals', async () => {
    const seen = noneSeen();
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 5, maxLength: 60, size: 'max' }),
        async (commands) => {
          const world = new World(fakeBackend(), seen);
          await world.init();
          for (const c of commands) await world.run(c);
          await world.heal();
          await world.checkConverged();
        },
      ),
      { numRuns: 300 },
    );
    for (const [answer, times] of Object.entries(seen)) {
      expect(times, `the runs met "${answer}"`).toBeGreaterThan(0);
    }
  }, 180_000);
});
