import autocannon from 'autocannon';
import type { BenchUser, Catalogue } from './lib/api-client.js';
import { freshSnapshots } from './lib/workload.js';

/** Part 4's load: each of 32 clients (one user each) syncs bulks of 10 sessions × 20 routes. */
export const LOAD_SHAPE = { connections: 32, sessionsPerBulk: 10, routes: 20 } as const;

export interface LoadFigures {
  processes: number;
  connections: number;
  durationS: number;
  requests: number;
  sessionsPerS: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors + timeouts + non-2xx answers + 200 answers that rejected a session. */
  errors: number;
  /** Sessions the database holds for the run's users afterwards (≥ answered × bulk size). */
  sessionsStored: number;
}

export interface LoadRun {
  urls: string[];
  users: BenchUser[];
  catalogue: Catalogue;
  durationS: number;
  /** Counts the sessions stored for these users (straight from the database). */
  countStored(userIds: string[]): Promise<number>;
}

/**
 * One autocannon run. Connections are spread round-robin over `urls` (one URL per API
 * process) and each connection is one user, so writers of different users never queue on
 * each other's row lock; every request carries freshly generated sessions.
 */
export async function loadRun(o: LoadRun): Promise<LoadFigures> {
  let nextUser = 0;
  const options = {
    url: o.urls,
    connections: LOAD_SHAPE.connections,
    duration: o.durationS,
    timeout: 30,
    setupClient(client: autocannon.Client) {
      const user = o.users[nextUser++ % o.users.length]!;
      client.setRequests([
        {
          method: 'POST',
          path: '/sessions/sync/bulk',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              sessions: freshSnapshots(o.catalogue, LOAD_SHAPE.sessionsPerBulk, LOAD_SHAPE.routes),
            }),
          }),
        },
      ]);
    },
    // A 200 can still reject sessions one by one: count those as errors too.
    verifyBody: (body: unknown) => typeof body === 'string' && body.includes('"rejected":0}'),
  };
  // autocannon 8 takes several URLs (round-robin per connection); @types/autocannon (7.x) only
  // declares a string.
  const result = await autocannon(options as unknown as autocannon.Options);
  const ok = result['2xx'];
  return {
    processes: o.urls.length,
    connections: LOAD_SHAPE.connections,
    durationS: result.duration,
    requests: ok,
    sessionsPerS: (ok * LOAD_SHAPE.sessionsPerBulk) / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    sessionsStored: await o.countStored(o.users.map((u) => u.id)),
  };
}
