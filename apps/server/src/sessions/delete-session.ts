import { tombstoneOf, type IncomingSnapshot } from '@sendlog/rules';
import type { Db } from '../db/connection.js';
import { writeAccepted } from './ingest/transaction.js';
import { loadById } from './session-repository.js';
import { lockUserChanges } from './user-changes.js';
import { withWriteRetry } from './ingest/isolation.js';

/**
 * `DELETE /sessions/:id`: the same tombstone a snapshot with `deleted: true` makes, through the
 * same decide-and-write path (the user's lock, a new revision and change sequence, the routes
 * removed). Idempotent: a deleted session is answered as it is. Undefined when the user has no
 * such session (another user's included).
 */
export async function deleteSession(
  db: Db,
  userId: string,
  id: string,
  nowMs: number,
): Promise<{ sessionId: string; revision: number } | undefined> {
  return withWriteRetry(() =>
    db.transaction(async (tx) => {
      // The user's lock before the read: of two deletes at once, the second finds the first's
      // tombstone and answers it, instead of joining a later tombstone onto it (a new revision).
      await lockUserChanges(tx, userId);
      const stored = await loadById(tx, userId, id, true);
      if (!stored) return undefined;
      if (stored.state.deleted) return { sessionId: stored.id, revision: stored.revision };
      const incoming: IncomingSnapshot = {
        key: stored.idempotencyKey,
        clientSessionId: stored.clientSessionId,
        baseRevision: stored.revision,
        routeOrder: [],
        state: tombstoneOf({ ...stored.state, updatedAt: new Date(nowMs).toISOString() }),
      };
      // No device can replay a server-side delete: the replay fingerprint is cleared (null), so
      // a device resending its last snapshot is answered `merged` with the tombstone, not
      // `duplicate`.
      const [result] = await writeAccepted(
        tx,
        userId,
        [{ index: 0, incoming, hash: null }],
        { climbs: new Map(), layouts: new Set() },
        new Date(nowMs).toISOString(),
      );
      if (!result?.success) throw new Error('deleting a session was refused');
      return { sessionId: result.sessionId, revision: result.revision };
    }),
  );
}
