import { describe, expect, it } from 'vitest';
import { boundedError, MAX_ERROR_DETAILS, MAX_ERROR_TEXT, type ErrorDetail } from './errors.js';

const detail = (i: number): ErrorDetail => ({ path: `k${i}`, message: 'is not a known field' });

describe('boundedError', () => {
  it('lists the first 50 details and counts the rest', () => {
    const details = Array.from({ length: 180_000 }, (_, i) => detail(i));
    const e = boundedError({ code: 'validation_failed', message: 'k0 …', details });
    expect(e.details).toEqual(details.slice(0, MAX_ERROR_DETAILS));
    expect(e.detailsOmitted).toBe(180_000 - MAX_ERROR_DETAILS);
    expect(JSON.stringify(e).length).toBeLessThan(4_000);
  });

  it('keeps an error of few details as it is', () => {
    const e = { code: 'validation_failed' as const, message: 'k0 is bad', details: [detail(0)] };
    expect(boundedError(e)).toEqual(e);
    expect(boundedError({ code: 'not_found', message: 'gone' })).toEqual({
      code: 'not_found',
      message: 'gone',
    });
  });

  it('adds to a count already made, so bounding twice changes nothing', () => {
    const details = Array.from({ length: 70 }, (_, i) => detail(i));
    const once = boundedError({ code: 'validation_failed', message: 'm', details });
    expect(boundedError(once)).toEqual(once);
    expect(once.detailsOmitted).toBe(20);
  });

  it('clips a long path and message, never between the halves of a pair', () => {
    const key = `${'x'.repeat(MAX_ERROR_TEXT - 2)}🧗${'y'.repeat(1_000_000)}`;
    const e = boundedError({
      code: 'validation_failed',
      message: `${key} is not a known field`,
      details: [{ path: key, message: 'is not a known field' }],
    });
    const path = e.details![0]!.path;
    expect(path.length).toBeLessThanOrEqual(MAX_ERROR_TEXT);
    expect(path.endsWith('…')).toBe(true);
    expect(path).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_TEXT);
  });
});
