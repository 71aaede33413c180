import type { Session } from '@sendlog/contract';
import {
  routeFieldsLost,
  sampleRouteContent,
  sampleValidRouteContents,
} from '@sendlog/contract/testing';
import { describe, expect, it } from 'vitest';
import { toOutgoing } from '../engine/snapshot.js';
import { FakeServer } from '../testing/fake-server.js';
import type { LocalRoute, LocalSession } from './model.js';
import { routeFromServer, sessionFromServer } from './server-copy.js';
import { loggedRoute, patchedRoute } from './route-edits.js';
import { assertValidRoute } from './validation.js';

// Every route field the contract declares must survive each hop of the phone's side: a mapper that
// drops one fails here (the sample sets every declared field, new ones too).

const content = sampleRouteContent();
const UPDATED = '2026-11-24T19:00:00.000Z';

const apiSession = (routes: Session['routes']): Session => ({
  id: 'srv-1',
  clientSessionId: 's1',
  layoutId: null,
  startTime: '2026-11-24T18:00:00.000Z',
  endTime: '2026-11-24T20:00:00.000Z',
  notes: null,
  revision: 1,
  createdAt: UPDATED,
  updatedAt: UPDATED,
  routes,
});

function localSession(route: LocalRoute): LocalSession {
  return { ...sessionFromServer(apiSession([]), null), routes: [route], status: 'completed' };
}

describe('every declared route field', () => {
  it('comes from the server copy into the local route', () => {
    const route = routeFromServer({
      id: 'route-1',
      clientRouteId: 'r1',
      climbName: 'Crimp',
      grade: 'V3',
      ...content,
      updatedAt: UPDATED,
    });
    expect(route.id).toBe('r1');
    expect(routeFieldsLost(content, route)).toEqual([]);
    // The grade the server recorded is kept (a regrade later leaves the logbook alone)…
    expect(route.grade).toBe('V3');
    // …but never sent back: the server takes it from the climb itself.
    expect(toOutgoing(localSession(route)).snapshot.routes[0]).not.toHaveProperty('grade');
  });

  it.each(Object.entries(sampleValidRouteContents()))(
    'goes from the local route into the snapshot sent, and passes the local check (%s climb)',
    (_kind, valid) => {
      const route: LocalRoute = { id: 'r1', ...valid, updatedAt: UPDATED };
      expect(() => assertValidRoute(route)).not.toThrow();
      const sent = toOutgoing(localSession(route)).snapshot.routes[0];
      expect(sent?.clientRouteId).toBe('r1');
      expect(routeFieldsLost(valid, sent ?? {})).toEqual([]);
    },
  );

  it('is refused by the local check with both a catalogue and an unlisted climb, or neither', () => {
    const both: LocalRoute = { id: 'r1', ...content, updatedAt: UPDATED };
    expect(() => assertValidRoute(both)).toThrow(/climb must be left out/);
    const neither: LocalRoute = { ...both, climbId: null, climb: null };
    expect(() => assertValidRoute(neither)).toThrow(/climbId is required/);
  });

  it.each(Object.entries(sampleValidRouteContents()))(
    'comes back from the fake server as it was sent (%s climb)',
    (_kind, valid) => {
      const server = new FakeServer({ now: () => Date.parse('2026-11-25T12:00:00.000Z') });
      if (valid.climbId !== null) server.knownClimbs.add(valid.climbId);
      const route: LocalRoute = { id: 'r1', ...valid, updatedAt: UPDATED };
      const result = server.ingest(toOutgoing(localSession(route)).snapshot, 0);
      expect(result.success).toBe(true);
      expect(routeFieldsLost(valid, server.all()[0]?.routes[0] ?? {})).toEqual([]);
    },
  );

  it('is kept when the climber logs a route and when they edit it', () => {
    const logged = loggedRoute('r1', content, content.loggedAt);
    expect(routeFieldsLost(content, logged)).toEqual([]);
    const other = sampleRouteContent(1);
    const edited = patchedRoute(logged, other, UPDATED);
    // Every field but the time it was logged is the climber's to edit.
    expect(routeFieldsLost({ ...other, loggedAt: content.loggedAt }, edited)).toEqual([]);
  });
});
