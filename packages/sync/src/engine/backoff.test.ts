import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from './backoff.js';

describe('backoff', () => {
  it('caps at 1 s doubling up to 5 min, drawn uniformly below the cap', () => {
    const top = () => 0.999_999_999;
    const caps = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map((s) => s * 1000);
    caps.forEach((cap, i) => expect(backoffDelayMs(i + 1, top)).toBe(cap - 1));
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(2000);
    expect(backoffDelayMs(10_000, () => 0.5)).toBe(150_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-24T18:00:00.000Z');
    expect(parseRetryAfterMs('120', now)).toBe(120_000);
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 18:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 17:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });
});
