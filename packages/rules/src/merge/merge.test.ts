import { sessionSnapshotSchema, type SessionSnapshotInput } from '@sendlog/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseSnapshot,
  baseUpdatedAtArb,
  editArb,
  editOrDeleteArb,
  editSnapshot,
  type EditCatalogue,
} from '../testing/edits.js';
import { decide, sameState } from './merge.js';
import type { SessionState } from './model.js';
import { normalizeSnapshot } from './normalize.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
/** The pure merge never looks the catalogue up: any ids do. */
const CATALOGUE: EditCatalogue = { climbId: (i) => `climb-${i}`, layoutId: 'layout-1' };

/** Runs snapshots through the table in order, as the server does; returns the final state. */
function apply(snapshots: SessionSnapshotInput[]) {
  let current: { state: SessionState; revision: number } | undefined;
  const outcomes: string[] = [];
  for (const s of snapshots) {
    const d = decide(current, normalizeSnapshot(sessionSnapshotSchema.parse(s), NOW));
    outcomes.push(d.outcome);
    current = { state: d.state, revision: d.revision };
  }
  return { state: current!.state, outcomes };
}

function view(s: SessionState) {
  return {
    fields: s.fields,
    updatedAt: s.updatedAt,
    routes: [...s.routes.values()].sort((a, b) => (a.clientRouteId < b.clientRouteId ? -1 : 1)),
    tombstones: [...s.tombstones].sort(),
    deleted: s.deleted,
  };
}

describe('merge (pure)', () => {
  it('any order of the same edits ends in the same session', () => {
    fc.assert(
      fc.property(baseUpdatedAtArb, editArb, editArb, editArb, (baseAt, a, b, c) => {
        const base = baseSnapshot(CATALOGUE, 's', baseAt);
        const [sa, sb, sc] = [a, b, c].map((e) => editSnapshot(CATALOGUE, 's', e)) as [
          SessionSnapshotInput,
          SessionSnapshotInput,
          SessionSnapshotInput,
        ];
        const orders = [
          [sa, sb, sc],
          [sa, sc, sb],
          [sb, sa, sc],
          [sb, sc, sa],
          [sc, sa, sb],
          [sc, sb, sa],
        ];
        const results = orders.map((o) => view(apply([base, ...o]).state));
        for (const r of results) expect(r).toEqual(results[0]);
      }),
      { numRuns: 500 },
    );
  });

  it('replaying an edit changes nothing (duplicate)', () => {
    fc.assert(
      fc.property(baseUpdatedAtArb, editArb, editArb, (baseAt, a, b) => {
        const base = baseSnapshot(CATALOGUE, 's', baseAt);
        const [sa, sb] = [editSnapshot(CATALOGUE, 's', a), editSnapshot(CATALOGUE, 's', b)];
        const once = apply([base, sa, sb]);
        const twice = apply([base, sa, sb, sa, sb, base]);
        expect(sameState(twice.state, once.state)).toBe(true);
        expect(twice.outcomes.slice(3)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      }),
      { numRuns: 300 },
    );
  });

  it('a fast-forward from a lagging clock keeps newer stored values and answers merged', () => {
    const base = baseSnapshot(CATALOGUE, 's', '2026-11-24T20:00:00.000Z');
    const lagging = {
      ...base,
      baseRevision: 1,
      notes: 'typed later, clock behind',
      updatedAt: '2026-11-24T19:00:00.000Z',
    };
    const { state, outcomes } = apply([base, lagging]);
    expect(outcomes).toEqual(['created', 'duplicate']);
    expect(state.fields.notes).toBe('base');
    const { outcomes: o2, state: s2 } = apply([
      base,
      { ...lagging, removedRouteIds: ['r0'], routes: base.routes.slice(1) },
    ]);
    expect(o2).toEqual(['created', 'merged']);
    expect(s2.fields.notes).toBe('base');
    expect([...s2.routes.keys()]).toEqual(['r1', 'r2']);
  });

  describe('deleting the session', () => {
    it('any order of the same edits and deletes ends in the same session', () => {
      fc.assert(
        fc.property(
          baseUpdatedAtArb,
          editOrDeleteArb,
          editOrDeleteArb,
          editOrDeleteArb,
          (baseAt, a, b, c) => {
            const base = baseSnapshot(CATALOGUE, 's', baseAt);
            const [sa, sb, sc] = [a, b, c].map((e) => editSnapshot(CATALOGUE, 's', e)) as [
              SessionSnapshotInput,
              SessionSnapshotInput,
              SessionSnapshotInput,
            ];
            const orders = [
              [sa, sb, sc],
              [sa, sc, sb],
              [sb, sa, sc],
              [sb, sc, sa],
              [sc, sa, sb],
              [sc, sb, sa],
            ];
            const results = orders.map((o) => view(apply([base, ...o]).state));
            for (const r of results) expect(r).toEqual(results[0]);
            expect(results[0]!.deleted).toBe([a, b, c].some((e) => e.deleted === true));
          },
        ),
        { numRuns: 500 },
      );
    });

    it('a delete wins over any edit, earlier or later, and keeps no content', () => {
      fc.assert(
        fc.property(baseUpdatedAtArb, editArb, editArb, (baseAt, edit, del) => {
          const base = baseSnapshot(CATALOGUE, 's', baseAt);
          const deleting = editSnapshot(CATALOGUE, 's', { ...del, deleted: true });
          const later = editSnapshot(CATALOGUE, 's', edit);
          for (const order of [
            [base, deleting, later],
            [base, later, deleting],
            [deleting, base, later],
          ]) {
            const { state, outcomes } = apply(order);
            expect(state.deleted).toBe(true);
            expect(state.routes.size).toBe(0);
            expect(state.tombstones.size).toBe(0);
            expect(state.fields).toEqual({
              layoutId: null,
              startTime: '2026-11-24T18:00:00.000Z',
              endTime: null,
              notes: null,
              place: null,
            });
            // The delete's own time, not the later edit's.
            expect(state.updatedAt).toBe(del.updatedAt);
            // An edit arriving after the delete lost: merged, with the tombstone, nothing written.
            if (order[2] === later) expect(outcomes[2]).toBe('merged');
          }
        }),
        { numRuns: 300 },
      );
    });

    it('an edit after the delete keeps the revision; a replayed delete is a duplicate', () => {
      const base = baseSnapshot(CATALOGUE, 's', '2026-11-24T19:00:00.000Z');
      const deleting = { ...base, baseRevision: 1, deleted: true, routes: [] };
      let current: { state: SessionState; revision: number } | undefined;
      const revisions: [string, number][] = [];
      for (const s of [base, deleting, { ...base, notes: 'still here?' }, deleting]) {
        const d = decide(current, normalizeSnapshot(sessionSnapshotSchema.parse(s), NOW));
        revisions.push([d.outcome, d.revision]);
        current = { state: d.state, revision: d.revision };
      }
      expect(revisions).toEqual([
        ['created', 1],
        ['updated', 2],
        ['merged', 2],
        ['duplicate', 2],
      ]);
    });

    it('a delete of a key never seen creates the tombstone', () => {
      const { state, outcomes } = apply([
        { ...baseSnapshot(CATALOGUE, 's', '2026-11-24T19:00:00.000Z'), deleted: true },
      ]);
      expect(outcomes).toEqual(['created']);
      expect(state.deleted).toBe(true);
      expect(state.routes.size).toBe(0);
    });
  });
});
