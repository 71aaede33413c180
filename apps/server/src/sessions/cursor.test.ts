import { describe, expect, it } from 'vitest';
import {
  decodeChangeCursor,
  decodeHistoryCursor,
  encodeChangeCursor,
  encodeHistoryCursor,
} from './cursor.js';

const forged = (value: unknown) => `h1.${Buffer.from(JSON.stringify(value)).toString('base64url')}`;

describe('cursors', () => {
  it('round-trip what the server issues', () => {
    const p = { startTime: '2026-11-24T18:05:00.000Z', id: '0d858f93-f6c8-5a53-81fe-f3d3c82cc579' };
    expect(decodeHistoryCursor(encodeHistoryCursor(p))).toEqual(p);
    expect(decodeChangeCursor(encodeChangeCursor(123_456))).toBe(123_456);
    expect(decodeChangeCursor('')).toBe(0);
  });

  it.each([
    'h1.',
    'h1.!!!',
    forged(['0000-01-01T00:00:00.000Z', '0d858f93-f6c8-5a53-81fe-f3d3c82cc579']),
    forged(['2026-11-24T18:05:00Z', '0d858f93-f6c8-5a53-81fe-f3d3c82cc579']),
    forged(['2026-11-24T18:05:00.000Z', 'not-a-uuid']),
    forged({ startTime: 'x' }),
  ])('refuse a forged history cursor %s', (cursor) => {
    expect(decodeHistoryCursor(cursor)).toBeNull();
  });

  it.each(['c1.', 'c1.-1', 'c1.zzzzzzzzzzzz', '12', 'h1.abc'])(
    'refuse a forged change cursor %s',
    (cursor) => {
      expect(decodeChangeCursor(cursor)).toBeNull();
    },
  );
});
