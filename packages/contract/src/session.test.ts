import { describe, expect, it } from 'vitest';
import {
  deleteSessionResponseSchema,
  isTombstone,
  issuesToDetails,
  sessionChangesPageSchema,
  sessionSnapshotSchema,
  snapshotClockIssues,
} from './index.js';

const seedBody = {
  startTime: '2026-11-24T18:05:00.000Z',
  endTime: '2026-11-24T19:40:00.000Z',
  notes: 'fingers felt good',
  routes: [{ climbId: 'c1', isSuccess: true, attempts: 3 }],
};

function pathsOf(body: unknown): string[] {
  const r = sessionSnapshotSchema.safeParse(body);
  return r.success ? [] : issuesToDetails(r.error.issues).map((d) => d.path);
}

describe('session snapshot schema', () => {
  it("accepts the seed's exact body", () => {
    expect(sessionSnapshotSchema.safeParse(seedBody).success).toBe(true);
  });

  it('names the field path of each broken rule', () => {
    const routes = [0, 1, 2, 3].map(() => ({ climbId: 'c1', isSuccess: true, attempts: 1 }));
    routes[3] = { climbId: 'c1', isSuccess: true, attempts: 0 };
    expect(pathsOf({ ...seedBody, routes })).toEqual(['routes.3.attempts']);
    expect(pathsOf({ ...seedBody, endTime: '2026-11-24T17:00:00.000Z' })).toEqual(['endTime']);
    expect(pathsOf({ ...seedBody, endTime: '2026-11-25T19:40:00.000Z' })).toEqual(['endTime']);
    expect(pathsOf({ ...seedBody, notes: 'x'.repeat(2001) })).toEqual(['notes']);
    expect(pathsOf({ ...seedBody, startTime: 'yesterday' })).toEqual(['startTime']);
    expect(pathsOf({ ...seedBody, extra: 1 })).toEqual(['extra']);
    expect(
      pathsOf({ ...seedBody, routes: [{ climbId: 'c', isSuccess: true, attempts: 1, rating: 6 }] }),
    ).toEqual(['routes.0.rating']);
  });

  it('rejects a start more than 24 h in the future by the given clock', () => {
    const now = Date.parse('2026-11-24T00:00:00.000Z');
    expect(snapshotClockIssues({ startTime: '2026-11-24T23:00:00.000Z' }, now)).toEqual([]);
    expect(snapshotClockIssues({ startTime: '2026-11-25T01:00:00.000Z' }, now)).toHaveLength(1);
  });

  it("rejects a route logged more than 24 h in the server's future, the year 9999 too", () => {
    const now = Date.parse('2026-11-24T00:00:00.000Z');
    const startTime = '2026-11-24T00:00:00.000Z';
    const routes = [
      { loggedAt: '2026-11-24T23:00:00.000Z' },
      { loggedAt: null },
      { loggedAt: '9999-12-31T23:59:59.999Z' },
      { loggedAt: '2026-11-25T01:00:00.000Z' },
    ];
    expect(snapshotClockIssues({ startTime, routes }, now).map((i) => i.path)).toEqual([
      ['routes', 2, 'loggedAt'],
      ['routes', 3, 'loggedAt'],
    ]);
  });
});

describe('deleting a session', () => {
  it('takes `deleted` as an optional boolean on the snapshot', () => {
    expect(sessionSnapshotSchema.parse({ ...seedBody, deleted: true }).deleted).toBe(true);
    expect(sessionSnapshotSchema.parse(seedBody).deleted).toBeUndefined();
    expect(pathsOf({ ...seedBody, deleted: 'yes' })).toEqual(['deleted']);
  });

  it('answers tombstones beside live sessions in a changes page', () => {
    const tombstone = {
      id: 's1',
      clientSessionId: 'c1',
      revision: 3,
      deleted: true,
      updatedAt: '2026-11-24T19:41:00.000Z',
    };
    const live = {
      id: 's2',
      clientSessionId: null,
      layoutId: null,
      startTime: seedBody.startTime,
      endTime: null,
      notes: null,
      revision: 1,
      createdAt: seedBody.startTime,
      updatedAt: seedBody.startTime,
      routes: [],
    };
    const page = sessionChangesPageSchema.parse({ sessions: [tombstone, live], nextCursor: 'x' });
    expect(page.sessions.map(isTombstone)).toEqual([true, false]);
    expect(page.sessions[0]).toEqual(tombstone);
    expect(
      sessionChangesPageSchema.safeParse({
        sessions: [{ ...tombstone, deleted: false }],
        nextCursor: null,
      }).success,
    ).toBe(false);
    expect(
      deleteSessionResponseSchema.parse({ sessionId: 's1', revision: 3, deleted: true }),
    ).toEqual({ sessionId: 's1', revision: 3, deleted: true });
  });
});

describe('unlisted climbs and sessions elsewhere', () => {
  const unlisted = {
    climbId: null,
    climb: { name: 'Biographie', grade: '9a+', kind: 'route' },
    isSuccess: true,
    attempts: 12,
  };

  it('accepts a session elsewhere with unlisted climbs, and the seed body as before', () => {
    expect(pathsOf({ ...seedBody, place: 'Céüse', routes: [unlisted] })).toEqual([]);
    expect(pathsOf({ ...seedBody, layoutId: null, place: null, routes: [unlisted] })).toEqual([]);
    expect(pathsOf(seedBody)).toEqual([]);
  });

  it('refuses a wall with a place, and a route with both kinds of climb or neither', () => {
    expect(pathsOf({ ...seedBody, layoutId: 'l1', place: 'Céüse' })).toEqual(['place']);
    const both = { ...unlisted, climbId: 'c1' };
    const neither = { ...unlisted, climb: undefined };
    expect(pathsOf({ ...seedBody, routes: [both, neither] })).toEqual([
      'routes.0.climb',
      'routes.1.climbId',
    ]);
  });

  it('bounds the climb and the place', () => {
    const climb = { name: '', grade: 'g'.repeat(21), kind: 'trad' };
    expect(pathsOf({ ...seedBody, routes: [{ ...unlisted, climb }] })).toEqual([
      'routes.0.climb.name',
      'routes.0.climb.grade',
      'routes.0.climb.kind',
    ]);
    expect(pathsOf({ ...seedBody, place: 'p'.repeat(201) })).toEqual(['place']);
    const longest = { name: 'n'.repeat(200), grade: 'g'.repeat(20), kind: 'boulder' };
    expect(
      pathsOf({ ...seedBody, place: 'p'.repeat(200), routes: [{ ...unlisted, climb: longest }] }),
    ).toEqual([]);
  });
});
