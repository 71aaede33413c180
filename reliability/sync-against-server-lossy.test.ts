import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import {
  climbs,
  device,
  editSomething,
  expectSame,
  logSession,
  register,
  seeded,
  serverSessions,
  syncUntilSettled,
  useRealServer,
} from './support/sync-against-server.js';

/**
 * The engine against the real server (in-process, PGlite in memory) through a transport that
 * loses requests and answers: every session ends on the server exactly once, with every route, from one device or two.
 */
describe.each(BACKENDS)('sync against the real server on $name', (backend) => {
  useRealServer(backend);

  it('lands every session exactly once through a network that loses requests and answers', async () => {
    const { token } = await register();
    const random = seeded(20261125);
    const d = await device(token, 7);
    const n = 40;
    for (let i = 0; i < n; i++) logSession(d.store, random, 1 + Math.floor(random() * 6));
    d.network.dropRequest = 0.3;
    d.network.dropResponse = 0.3;
    d.network.whileInFlight = () => {
      if (random() < 0.3) editSomething(d.store, random);
    };
    for (let run = 0; run < 30; run++) {
      await d.engine.syncNow();
      if (random() < 0.5) editSomething(d.store, random);
    }
    expect(d.network.lostRequests).toBeGreaterThan(5);
    expect(d.network.lostResponses).toBeGreaterThan(5);
    d.network.heal();
    await syncUntilSettled(d);

    const remote = await serverSessions(token);
    expect(remote).toHaveLength(n);
    expectSame(d.store.getSessions(), remote);
  });

  it('brings two devices of one user to the same sessions after concurrent edits', async () => {
    const { token } = await register();
    const random = seeded(42);
    const a = await device(token, 1);
    const b = await device(token, 2);
    for (let i = 0; i < 3; i++) logSession(a.store, random, 3);
    logSession(b.store, random, 2);
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);
    expect(b.store.getSessions()).toHaveLength(4);

    // Both edit the same session while apart; each also loses a few answers.
    const shared = a.store.getSessions().find((s) => s.routes.length === 3)!;
    const [r0, r1, r2] = shared.routes;
    a.store.updateRoute(shared.id, r0!.id, { attempts: 9 });
    const addedOnA = a.store.logRoute(shared.id, {
      climbId: climbs[0]!,
      isSuccess: true,
      attempts: 1,
    });
    b.store.removeRoute(shared.id, r1!.id);
    b.store.updateNotes(shared.id, 'edited on the tablet');
    const addedOnB = b.store.logRoute(shared.id, {
      climbId: climbs[1]!,
      isSuccess: false,
      attempts: 4,
    });
    b.store.updateRoute(shared.id, r2!.id, { attempts: 7 });
    for (const d of [a, b]) {
      d.network.dropRequest = 0.3;
      d.network.dropResponse = 0.3;
    }
    for (let i = 0; i < 6; i++) {
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    for (const d of [a, b]) d.network.heal();
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);

    const remote = await serverSessions(token);
    expect(remote).toHaveLength(4);
    expectSame(a.store.getSessions(), remote);
    expectSame(b.store.getSessions(), remote);
    const merged = a.store.getSession(shared.id)!;
    expect(merged.notes).toBe('edited on the tablet');
    expect(merged.routes.map((r) => r.id).sort()).toEqual(
      [r0!.id, r2!.id, addedOnA.id, addedOnB.id].sort(),
    );
    expect(merged.routes.find((r) => r.id === r0!.id)?.attempts).toBe(9);
    expect(merged.routes.find((r) => r.id === r2!.id)?.attempts).toBe(7);
  });
});
