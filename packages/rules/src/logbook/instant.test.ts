import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.js';

describe('parseInstant', () => {
  it('reads every toISOString instant as Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(0, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseInstant(text)).toBe(Date.parse(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves every other text to Date.parse', () => {
    const texts = [
      '2024-02-29T12:00:00.000Z',
      '2023-02-29T12:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z',
      '2026-01-10T24:00:00.000Z',
      '2026-01-10T23:60:00.000Z',
      '2026-01-10T23:00:00+01:00',
      '2026-01-10T23:00:00Z',
      '2026-01-1xT23:00:00.000Z',
      '',
      'soon',
    ];
    for (const text of texts) expect(parseInstant(text)).toEqual(Date.parse(text));
  });
});
