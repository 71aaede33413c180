import type { ResponseLike } from '../engine/http.js';

export type Fault = 'none' | 'drop_request' | 'drop_response' | 'http_500' | 'http_429';

/**
 * The faults a test plans for the next requests, shared by the fake server and the faulty
 * transport in front of the real one: lose the request, lose the answer after the server acted,
 * or answer 500 / 429 without reaching the server; and a hook run once the server has acted on
 * the next request, before its answer leaves.
 */
export class FaultPlan {
  private readonly faults: Fault[] = [];
  private beforeAnswer: (() => void) | null = null;

  /** Faults for the next requests, in order. */
  injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  onNextAnswer(hook: () => void): void {
    this.beforeAnswer = hook;
  }

  /**
   * One request through the plan: `reach` is the server acting on it. A `reach` that answers at
   * once is called in the same tick, so nothing else runs between the request and the hook.
   */
  protected async throughFaults(
    reach: () => ResponseLike | Promise<ResponseLike>,
  ): Promise<ResponseLike> {
    const fault = this.faults.shift() ?? 'none';
    if (fault === 'drop_request') throw new TypeError('network request failed');
    if (fault === 'http_500') return errorAnswer(500, 'internal', null);
    if (fault === 'http_429') return errorAnswer(429, 'rate_limited', '7');
    const reached = reach();
    const answer = reached instanceof Promise ? await reached : reached;
    const hook = this.beforeAnswer;
    this.beforeAnswer = null;
    hook?.();
    if (fault === 'drop_response') throw new TypeError('network request failed');
    return answer;
  }
}

function errorAnswer(status: number, code: string, retryAfter: string | null): ResponseLike {
  const text = JSON.stringify({ error: { code, message: code } });
  return {
    status,
    headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) },
    text: async () => text,
  };
}
