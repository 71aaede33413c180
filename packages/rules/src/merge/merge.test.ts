import { sessionSnapshotSchema, type SessionSnapshotInput } from '@sendlog/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseSnapshot,
  baseUpdatedAtArb,
  editArb,
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
});
