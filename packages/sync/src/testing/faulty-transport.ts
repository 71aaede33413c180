import type { FetchLike } from '../engine/http.js';
import { FaultPlan } from './fault-plan.js';

/** A real `fetch` with the fake server's fault plan in front of it. */
export class FaultyTransport extends FaultPlan {
  readonly fetch: FetchLike = (url, init) =>
    this.throughFaults(async () => {
      const res = await fetch(url, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text: async () => text };
    });
}
