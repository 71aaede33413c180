import { describe, expect, it } from 'vitest';
import {
  climbHistoryParamsSchema,
  climbHistoryResponseSchema,
  isIanaTimeZone,
  issuesToDetails,
  statsQuerySchema,
  statsResponseSchema,
} from './index.js';

function detailsOf(query: unknown) {
  const r = statsQuerySchema.safeParse(query);
  return r.success ? [] : issuesToDetails(r.error.issues);
}

describe('stats query', () => {
  it('defaults to UTC and route grades, and leaves the period to the clock', () => {
    expect(statsQuerySchema.parse({})).toEqual({ tz: 'UTC', grades: 'route' });
    expect(
      statsQuerySchema.parse({
        from: '2026-01-01T00:00:00+01:00',
        to: '2026-04-01T00:00:00Z',
        tz: 'Europe/Berlin',
        grades: 'own',
      }),
    ).toEqual({
      from: '2026-01-01T00:00:00+01:00',
      to: '2026-04-01T00:00:00Z',
      tz: 'Europe/Berlin',
      grades: 'own',
    });
  });

  it('refuses a period over 5 years, or backwards, at from', () => {
    expect(detailsOf({ from: '2021-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([]);
    expect(detailsOf({ from: '2020-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([
      { path: 'from', message: 'a period lasts at most 5 years' },
    ]);
    expect(detailsOf({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([
      { path: 'from', message: 'must be before to' },
    ]);
  });

  it('refuses an unknown time zone at tz, and other broken fields at their path', () => {
    expect(detailsOf({ tz: 'Mars/Olympus' })).toEqual([
      { path: 'tz', message: 'must be an IANA time zone such as Europe/Berlin' },
    ]);
    expect(detailsOf({ tz: '+01:00' }).map((d) => d.path)).toEqual(['tz']);
    expect(detailsOf({ tz: '' }).map((d) => d.path)).toEqual(['tz']);
    expect(detailsOf({ grades: 'mine' }).map((d) => d.path)).toEqual(['grades']);
    expect(detailsOf({ from: 'last week' }).map((d) => d.path)).toEqual(['from']);
    expect(detailsOf({ year: '2026' }).map((d) => d.path)).toEqual(['year']);
  });

  it('knows IANA zones', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Kathmandu']) {
      expect(isIanaTimeZone(tz)).toBe(true);
    }
    for (const tz of ['Europe/Atlantis', '-05:00', '5', 'Europe/Berlin; drop']) {
      expect(isIanaTimeZone(tz)).toBe(false);
    }
  });
});

describe('stats and history answers', () => {
  it('describes the stats answer', () => {
    const answer = {
      period: { from: '2026-01-05T00:00:00.000Z', to: '2026-01-12T00:00:00.000Z' },
      sessions: 1,
      climbingDays: 1,
      tries: 2,
      attempts: 4,
      sends: 1,
      flashes: 0,
      repeats: 0,
      hardestSend: { grade: 'V4', climbId: 'c1', climbName: 'Arete', date: '2026-01-06' },
      hardestFlash: null,
      pyramid: [
        { grade: 'V4', flashed: 0, sent: 1, triedOnly: 0 },
        { grade: 'V3', flashed: 0, sent: 0, triedOnly: 1 },
      ],
      weeks: [{ weekStart: '2026-01-05', sessions: 1, attempts: 4, sends: 1 }],
    };
    expect(statsResponseSchema.parse(answer)).toEqual(answer);
    expect(
      statsResponseSchema.safeParse({
        ...answer,
        weeks: [{ ...answer.weeks[0], weekStart: '2026-01-05T00:00:00Z' }],
      }).success,
    ).toBe(false);
  });

  it('describes a climb history', () => {
    const answer = {
      climb: { id: 'c1', name: 'Arete', grade: 'V4' },
      tries: [
        {
          sessionId: 's2',
          date: '2026-01-06T18:00:00.000Z',
          isSuccess: true,
          attempts: 2,
          notes: null,
          rating: 4,
          gradeOpinion: 'soft V4',
        },
      ],
    };
    expect(climbHistoryResponseSchema.parse(answer)).toEqual(answer);
    expect(climbHistoryParamsSchema.safeParse({ id: '' }).success).toBe(false);
  });
});
