import type { FetchLike, ResponseLike } from '../engine/http.js';
import type { Fault } from './fake-server.js';

/**
 * A real `fetch` with the fake server's fault plan: lose the request, lose the answer after the
 * server acted, or answer 500 / 429 without reaching it.
 */
export class FaultyTransport {
  private readonly faults: Fault[] = [];
  private beforeAnswer: (() => void) | null = null;

  injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  onNextAnswer(hook: () => void): void {
    this.beforeAnswer = hook;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const fault = this.faults.shift() ?? 'none';
    if (fault === 'drop_request') throw new TypeError('network request failed');
    if (fault === 'http_500') return synthetic(500, 'internal', null);
    if (fault === 'http_429') return synthetic(429, 'rate_limited', '7');
    const res = await fetch(url, init);
    const text = await res.text();
    const hook = this.beforeAnswer;
    this.beforeAnswer = null;
    hook?.();
    if (fault === 'drop_response') throw new TypeError('network request failed');
    return { status: res.status, headers: res.headers, text: async () => text };
  };
}

function synthetic(status: number, code: string, retryAfter: string | null): ResponseLike {
  const text = JSON.stringify({ error: { code, message: code } });
  return {
    status,
    headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) },
    text: async () => text,
  };
}
