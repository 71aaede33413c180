import { describe, expect, it } from 'vitest';
import { FakeServer } from './fake-server.js';

const snapshot = (climbId: string) => ({
  clientSessionId: '00000000-0000-4000-8000-000000000001',
  startTime: '2026-11-24T18:00:00.000Z',
  routes: [{ clientRouteId: 'r1', climbId, isSuccess: true, attempts: 2 }],
});

// The app's component tests sync through this fake: what they show must read as the server's.
describe('FakeServer, as the app tests use it', () => {
  it("names a route's climb and grade from the caller's catalogue", () => {
    const server = new FakeServer({
      now: () => Date.parse('2026-11-25T12:00:00.000Z'),
      knownClimbs: ['c-crimp'],
      climbLabel: (id) => (id === 'c-crimp' ? { name: 'Crimp School', grade: 'V2' } : undefined),
    });
    expect(server.ingest(snapshot('c-crimp'), 0)).toMatchObject({ status: 'created' });
    expect(server.all()[0]?.routes[0]).toMatchObject({ climbName: 'Crimp School', grade: 'V2' });
  });

  it('refuses an unknown climb in the words the server uses', () => {
    const server = new FakeServer({ now: () => Date.parse('2026-11-25T12:00:00.000Z') });
    expect(server.ingest(snapshot('c-gone'), 0)).toMatchObject({
      success: false,
      error: {
        code: 'unknown_climb',
        message: 'routes.0.climbId does not name a known climb',
        details: [{ path: 'routes.0.climbId', message: 'does not name a known climb' }],
      },
    });
  });
});
