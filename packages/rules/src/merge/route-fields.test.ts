import { ROUTE_CONTENT_FIELD_NAMES, sessionSnapshotSchema } from '@sendlog/contract';
import {
  routeFieldsLost,
  sampleRouteContent,
  sampleValidRouteContents,
} from '@sendlog/contract/testing';
import { describe, expect, it } from 'vitest';
import { sameRoute } from './merge.js';
import type { RouteVersion } from './model.js';
import { normalizeSnapshot } from './normalize.js';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe('every declared route field', () => {
  it.each(Object.entries(sampleValidRouteContents()))(
    'is carried from the snapshot into the merge model (%s climb)',
    (_kind, content) => {
      const snapshot = sessionSnapshotSchema.parse({
        clientSessionId: 's1',
        startTime: '2026-11-24T18:00:00.000Z',
        routes: [{ clientRouteId: 'r1', ...content, updatedAt: '2026-11-24T19:00:00.000Z' }],
      });
      const route = normalizeSnapshot(snapshot, NOW).state.routes.get('r1');
      expect(routeFieldsLost(content, route ?? {})).toEqual([]);
    },
  );

  it('takes part in the merge: versions differing only in it are different', () => {
    const a: RouteVersion = {
      clientRouteId: 'r1',
      ...sampleRouteContent(0),
      position: 0,
      updatedAt: '2026-11-24T19:00:00.000Z',
    };
    const other = sampleRouteContent(1);
    for (const name of ROUTE_CONTENT_FIELD_NAMES) {
      expect(sameRoute(a, { ...a, [name]: other[name] }), name).toBe(false);
    }
  });
});
