import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIMB_GRADES, session } from './fixtures.js';
import { computeStats, type StatsOptions } from './stats.js';
import { summarizeSession } from './session-summary.js';
import { climbStory } from './climb-story.js';
import { compareTries, orderTries } from './tries.js';
import type { LogbookSession } from './types.js';

const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2026-02-01T00:00:00Z');
const MINUTE = 60_000;

const tryArb = fc.record({
  climb: fc.constantFrom(...Object.keys(CLIMB_GRADES)),
  sent: fc.boolean(),
  attempts: fc.integer({ min: 1, max: 3 }),
  own: fc.constantFrom(null, 'V3', 'soft V5', '6c', 'V4'),
  at: fc.option(fc.integer({ min: 0, max: 180 }), { nil: null }),
});

/** Up to 14 sessions from mid-December to mid-February, some deleted, some routes unstamped. */
const historyArb = fc
  .array(
    fc.record({
      startMinute: fc.integer({ min: -20 * 24 * 60, max: 50 * 24 * 60 }),
      deleted: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      tries: fc.array(tryArb, { maxLength: 6 }),
    }),
    { maxLength: 14 },
  )
  .map((raw) =>
    raw.map((s, i) => {
      const startMs = FROM + s.startMinute * MINUTE;
      return session(
        `s${String(i).padStart(2, '0')}`,
        new Date(startMs).toISOString(),
        s.tries.map((t) => ({
          ...t,
          at: t.at === null ? null : new Date(startMs + t.at * MINUTE).toISOString(),
        })),
        { deleted: s.deleted },
      );
    }),
  );

const optionsArb = fc.record({
  tz: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Kathmandu'),
  grades: fc.constantFrom('route' as const, 'own' as const),
});

function options(o: Pick<StatsOptions, 'tz' | 'grades'>): StatsOptions {
  return { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString(), ...o };
}

function inPeriod(s: LogbookSession): boolean {
  const ms = Date.parse(s.startTime);
  return s.deleted !== true && ms >= FROM && ms < TO;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('stats properties', () => {
  it('the pyramid holds each climb tried in the period once', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, (history, o) => {
        const stats = computeStats(history, options(o));
        const climbs = new Set(
          history.filter(inPeriod).flatMap((s) => s.routes.map((r) => r.climbId)),
        );
        const rows = stats.pyramid;
        expect(sum(rows.map((r) => r.flashed + r.sent + r.triedOnly))).toBe(climbs.size);
        expect(new Set(rows.map((r) => r.grade)).size).toBe(rows.length);
      }),
    );
  });

  it('flashes and repeats fit inside sends, and the pyramid agrees with them', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, (history, o) => {
        const s = computeStats(history, options(o));
        const flashed = sum(s.pyramid.map((r) => r.flashed));
        const sentClimbs = sum(s.pyramid.map((r) => r.flashed + r.sent));
        // A climb can be flashed once ever, and a flash is never a repeat.
        expect(s.flashes).toBe(flashed);
        expect(s.flashes + s.repeats).toBeLessThanOrEqual(s.sends);
        // Each climb's first send is its only send that is no repeat.
        expect(s.sends - s.repeats).toBeLessThanOrEqual(sentClimbs);
        expect(sentClimbs).toBeLessThanOrEqual(s.sends);
        expect(s.sends).toBeLessThanOrEqual(s.tries);
        expect(s.tries).toBeLessThanOrEqual(s.attempts);
        expect(s.climbingDays).toBeLessThanOrEqual(s.sessions);
      }),
    );
  });

  it('with no history outside the period, sends − repeats = climbs sent', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, (history, o) => {
        const s = computeStats(history.filter(inPeriod), options(o));
        expect(s.sends - s.repeats).toBe(sum(s.pyramid.map((r) => r.flashed + r.sent)));
      }),
    );
  });

  it('the weeks add up to the totals, Monday after Monday', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, (history, o) => {
        const s = computeStats(history, options(o));
        expect(sum(s.weeks.map((w) => w.sessions))).toBe(s.sessions);
        expect(sum(s.weeks.map((w) => w.attempts))).toBe(s.attempts);
        expect(sum(s.weeks.map((w) => w.sends))).toBe(s.sends);
        s.weeks.forEach((w, i) => {
          expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
          if (i > 0) {
            const gap = Date.parse(w.weekStart) - Date.parse(s.weeks[i - 1]!.weekStart);
            expect(gap).toBe(7 * 24 * 60 * MINUTE);
          }
        });
      }),
    );
  });

  it('classifies flashes and repeats exactly as their definitions say', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const tries = orderTries(history);
        for (const t of tries) {
          const earlier = tries.filter(
            (u) => u.route.climbId === t.route.climbId && compareTries(u, t) < 0,
          );
          expect(t.isFlash).toBe(
            t.route.isSuccess && t.route.attempts === 1 && earlier.length === 0,
          );
          expect(t.isRepeat).toBe(t.route.isSuccess && earlier.some((u) => u.route.isSuccess));
        }
        expect(tries.every((t) => t.session.deleted !== true)).toBe(true);
      }),
    );
  });

  it('a session before everything changes no count but flashes (down) and repeats (up)', () => {
    fc.assert(
      fc.property(historyArb, fc.array(tryArb, { maxLength: 6 }), (history, earlyTries) => {
        const early = session(
          'early',
          '2025-11-01T10:00:00Z',
          earlyTries.map((t) => ({ ...t, at: null })),
        );
        const o = options({ tz: 'Europe/Berlin', grades: 'route' });
        const before = computeStats(history, o);
        const after = computeStats([...history, early], o);
        const counts = (s: typeof before) => ({
          sessions: s.sessions,
          climbingDays: s.climbingDays,
          tries: s.tries,
          attempts: s.attempts,
          sends: s.sends,
          weeks: s.weeks,
          hardestSend: s.hardestSend,
          perGrade: s.pyramid.map((r) => [r.grade, r.flashed + r.sent, r.triedOnly]),
        });
        expect(counts(after)).toEqual(counts(before));
        expect(after.flashes).toBeLessThanOrEqual(before.flashes);
        expect(after.repeats).toBeGreaterThanOrEqual(before.repeats);
      }),
    );
  });

  it('a session after everything changes nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.array(tryArb, { maxLength: 6 }), optionsArb, (history, t, o) => {
        const late = session(
          'late',
          '2026-04-01T10:00:00Z',
          t.map((x) => ({ ...x, at: null })),
        );
        expect(computeStats([...history, late], options(o))).toEqual(
          computeStats(history, options(o)),
        );
      }),
    );
  });

  it('the same history in any order gives the same answer', () => {
    fc.assert(
      fc.property(historyArb, optionsArb, fc.integer(), (history, o, seed) => {
        const shuffled = [...history]
          .map((s, i) => ({ s: { ...s, routes: [...s.routes].reverse() }, k: (i * seed) % 7 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        expect(computeStats(shuffled, options(o))).toEqual(computeStats(history, options(o)));
      }),
    );
  });

  it('session summaries and climb stories agree with the stats', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const s = computeStats(history, options({ tz: 'UTC', grades: 'route' }));
        const summaries = history.filter(inPeriod).map((x) => summarizeSession(x, history));
        expect(sum(summaries.map((x) => x.tries))).toBe(s.tries);
        expect(sum(summaries.map((x) => x.sends))).toBe(s.sends);
        expect(sum(summaries.map((x) => x.flashes))).toBe(s.flashes);
        expect(sum(summaries.map((x) => x.repeats))).toBe(s.repeats);
        expect(sum(summaries.map((x) => x.attempts))).toBe(s.attempts);
        const live = history.filter((x) => x.deleted !== true);
        for (const climbId of Object.keys(CLIMB_GRADES)) {
          const story = climbStory(climbId, history);
          const count = sum(live.map((x) => x.routes.filter((r) => r.climbId === climbId).length));
          expect(story).toHaveLength(count);
          expect(story.filter((t) => t.isFlash).length).toBeLessThanOrEqual(1);
          for (let i = 1; i < story.length; i += 1) {
            expect(Date.parse(story[i]!.date)).toBeLessThanOrEqual(Date.parse(story[i - 1]!.date));
          }
        }
      }),
    );
  });
});
