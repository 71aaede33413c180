import { randomUUID } from 'node:crypto';
import { decide, type IncomingSnapshot } from '@sendlog/rules';
import type { Db } from '../../db/connection.js';
import { writeBatch } from './write.js';
import type { CatalogueLookup } from '../catalogue-lookup.js';
import type { IngestResult } from '../ingest-result.js';
import { loadByKeys, toApiChange, type StoredSession } from '../session-repository.js';
import { lockUserChanges } from '../user-changes.js';
import { snapshotOf, writeSetOf, type Working, type WriteSet } from './write-set.js';

/**
 * A snapshot that passed validation and the catalogue check, with its fingerprint (null for a
 * change made on the server's side, which no device can replay).
 */
export type Accepted = { index: number; incoming: IncomingSnapshot; hash: string | null };

/**
 * One transaction: take the user's lock, read the stored sessions of the batch's keys, decide each
 * snapshot in batch order and write the difference. The path of a write whose unlocked attempt
 * (`writeUnlocked`) met a concurrent writer, of a bulk's isolated retries and of deletes.
 */
export async function writeAccepted(
  tx: Db,
  userId: string,
  accepted: Accepted[],
  catalogue: CatalogueLookup,
  nowIso: string,
): Promise<IngestResult[]> {
  // The user's row lock first: one user's writers take turns, so the change sequence and the
  // idempotency check below see every earlier commit (two processes, same key → one row).
  const baseSeq = await lockUserChanges(tx, userId);
  const stored = await loadByKeys(tx, userId, [...new Set(accepted.map((a) => a.incoming.key))]);
  const { results, writeSet } = decideBatch(accepted, stored, catalogue, nowIso, baseSeq);
  if (!(await writeBatch(tx, userId, writeSet, nowIso, baseSeq))) {
    throw new Error('the change counter moved under the user lock');
  }
  return results;
}

/**
 * The common write, without a lock or a transaction: decide from what one earlier read found
 * (`stored`, at change counter `baseSeq`) and write it as one statement guarded by that counter.
 * Null when another writer of the climber committed since the read: nothing was written.
 */
export async function writeUnlocked(
  db: Db,
  userId: string,
  accepted: Accepted[],
  stored: Map<string, StoredSession>,
  baseSeq: number,
  catalogue: CatalogueLookup,
  nowIso: string,
): Promise<IngestResult[] | null> {
  const { results, writeSet } = decideBatch(accepted, stored, catalogue, nowIso, baseSeq);
  return (await writeBatch(db, userId, writeSet, nowIso, baseSeq)) ? results : null;
}

/** Each snapshot decided in batch order against the stored copies, and what is left to write. */
function decideBatch(
  accepted: Accepted[],
  stored: Map<string, StoredSession>,
  catalogue: CatalogueLookup,
  nowIso: string,
  baseSeq: number,
): { results: IngestResult[]; writeSet: WriteSet } {
  const working = new Map<string, Working>();
  const results: IngestResult[] = [];

  for (const { index, incoming, hash } of accepted) {
    const before = working.get(incoming.key) ?? fromStored(stored.get(incoming.key));
    const decision = decide(before && { state: before.state, revision: before.revision }, incoming);
    const w: Working = before ?? {
      id: randomUUID(),
      key: incoming.key,
      clientSessionId: incoming.clientSessionId,
      createdAt: nowIso,
      revision: 0,
      state: decision.state,
      routeMeta: new Map(),
      stored: undefined,
      lastSnapshotHash: null,
    };
    // Only a snapshot that changed the session is its replay fingerprint (an edit that lost to a
    // delete is answered `merged` but changes nothing).
    if (decision.revision !== w.revision) w.lastSnapshotHash = hash;
    w.state = decision.state;
    w.revision = decision.revision;
    for (const route of w.state.routes.values()) {
      const meta = w.routeMeta.get(route.clientRouteId);
      if (meta && meta.climbId === route.climbId) continue;
      if (route.climbId === null) {
        // An unlisted climb: its name and grade are the route's own content (storedRouteOf).
        w.routeMeta.set(route.clientRouteId, {
          id: meta?.id ?? randomUUID(),
          climbId: null,
          climbName: route.climb?.name ?? '',
          grade: route.climb?.grade ?? '',
        });
        continue;
      }
      // A new route, or one moved to another climb: the grade is snapshotted as the climb's now.
      const climb = catalogue.climbs.get(route.climbId);
      if (!climb) throw new Error(`climb ${route.climbId} was checked but is missing`);
      w.routeMeta.set(route.clientRouteId, {
        id: meta?.id ?? randomUUID(),
        climbId: route.climbId,
        climbName: climb.name,
        grade: climb.grade,
      });
    }
    working.set(incoming.key, w);
    results.push({
      index,
      clientSessionId: incoming.clientSessionId,
      success: true,
      status: decision.outcome,
      sessionId: w.id,
      revision: w.revision,
      isDuplicate: decision.outcome === 'duplicate',
      routeIds: incoming.routeOrder.flatMap((id) =>
        w.state.routes.has(id) ? [w.routeMeta.get(id)!.id] : [],
      ),
      ...(decision.outcome === 'merged' ? { session: toApiChange(snapshotOf(w)) } : {}),
    });
  }

  return { results, writeSet: writeSetOf([...working.values()], baseSeq) };
}

function fromStored(s: StoredSession | undefined): Working | undefined {
  if (!s) return undefined;
  return {
    id: s.id,
    key: s.idempotencyKey,
    clientSessionId: s.clientSessionId,
    createdAt: s.createdAt,
    revision: s.revision,
    state: s.state,
    routeMeta: new Map(
      s.routes.map((r) => [
        r.clientRouteId,
        { id: r.id, climbId: r.climbId, climbName: r.climbName, grade: r.grade },
      ]),
    ),
    stored: s,
    lastSnapshotHash: null,
  };
}
