import { statsQuerySchema } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { resolveStatsPeriod } from './period.js';

// Thursday 2026-03-26 12:00 UTC.
const NOW = Date.parse('2026-03-26T12:00:00Z');

describe('stats period', () => {
  it('defaults to the 12 ISO weeks up to now, Monday midnight in the zone', () => {
    expect(resolveStatsPeriod(statsQuerySchema.parse({}), NOW)).toEqual({
      ok: true,
      from: '2026-01-05T00:00:00.000Z',
      to: '2026-03-26T12:00:00.000Z',
    });
    // Berlin was on winter time on 2026-01-05.
    expect(resolveStatsPeriod(statsQuerySchema.parse({ tz: 'Europe/Berlin' }), NOW)).toEqual({
      ok: true,
      from: '2026-01-04T23:00:00.000Z',
      to: '2026-03-26T12:00:00.000Z',
    });
  });

  it('counts the 12 weeks back from a given end', () => {
    const q = statsQuerySchema.parse({ to: '2026-01-12T00:00:00Z' });
    // The period's last instant is Sunday 2026-01-11, so its last week starts 2026-01-05.
    expect(resolveStatsPeriod(q, NOW)).toMatchObject({
      ok: true,
      from: '2025-10-20T00:00:00.000Z',
    });
  });

  it('keeps a given period, in UTC', () => {
    const q = statsQuerySchema.parse({
      from: '2026-01-01T00:00:00+01:00',
      to: '2026-02-01T00:00:00+01:00',
    });
    expect(resolveStatsPeriod(q, NOW)).toEqual({
      ok: true,
      from: '2025-12-31T23:00:00.000Z',
      to: '2026-01-31T23:00:00.000Z',
    });
  });

  it('refuses, at from, a start more than 5 years before now or after it', () => {
    expect(resolveStatsPeriod({ from: '2020-01-01T00:00:00Z', tz: 'UTC' }, NOW)).toEqual({
      ok: false,
      issues: [{ path: ['from'], message: 'a period lasts at most 5 years' }],
    });
    expect(resolveStatsPeriod({ from: '2026-04-01T00:00:00Z', tz: 'UTC' }, NOW)).toEqual({
      ok: false,
      issues: [{ path: ['from'], message: 'must be before to' }],
    });
  });
});
