import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import {
  api,
  climbs,
  device,
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
 * loses requests and answers: a session deleted on one device stays deleted, whatever the other does.
 */
describe.each(BACKENDS)('sync against the real server on $name', (backend) => {
  useRealServer(backend);

  it('a deleted session never comes back, whatever order two devices sync in', async () => {
    for (const order of ['deleter first', 'editor first'] as const) {
      const { token } = await register();
      const a = await device(token, 11);
      const b = await device(token, 12);
      const kept = logSession(a.store, seeded(1), 2);
      const doomed = logSession(a.store, seeded(2), 3);
      await syncUntilSettled(a);
      await syncUntilSettled(b);
      expect(b.store.getSessions()).toHaveLength(2);

      // Apart: A deletes the session (and loses answers), B keeps editing it.
      a.store.deleteSession(doomed);
      const edited = b.store.getSession(doomed)!;
      b.store.updateNotes(doomed, 'edited on the tablet');
      b.store.logRoute(doomed, { climbId: climbs[0]!, isSuccess: true, attempts: 1 });
      b.store.removeRoute(doomed, edited.routes[0]!.id);
      for (const d of [a, b]) d.network.dropResponse = 0.5;
      const [first, second] = order === 'deleter first' ? [a, b] : [b, a];
      for (let i = 0; i < 4; i++) {
        await first.engine.syncNow();
        await second.engine.syncNow();
      }
      for (const d of [a, b]) d.network.heal();
      await syncUntilSettled(first);
      await syncUntilSettled(second);
      await syncUntilSettled(first);

      const remote = await serverSessions(token);
      expect(
        remote.map((s) => s.clientSessionId),
        order,
      ).toEqual([kept]);
      expectSame(a.store.getSessions(), remote);
      expectSame(b.store.getSessions(), remote);
      const tombstone = await api<{ sessions: { clientSessionId: string; deleted?: true }[] }>(
        'GET',
        '/sessions?updatedSince=',
        token,
      );
      expect(tombstone.sessions.find((s) => s.clientSessionId === doomed)).toMatchObject({
        deleted: true,
      });
      // An old copy resent later (a phone restored from a backup) cannot bring it back.
      const stale = await api<{ status: string; session?: { deleted?: true } }>(
        'POST',
        '/sessions/offline',
        token,
        {
          clientSessionId: doomed,
          startTime: edited.startTime,
          endTime: edited.endTime,
          notes: 'from a backup',
          updatedAt: new Date().toISOString(),
          routes: [],
        },
      );
      expect(stale).toMatchObject({ status: 'merged', session: { deleted: true } });
      await syncUntilSettled(b);
      expect(b.store.getSessions().map((s) => s.id)).toEqual([kept]);
    }
  });
});
