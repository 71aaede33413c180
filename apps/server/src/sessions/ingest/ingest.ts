// The ingest chain, one file per step, each calling the next (the folder lists them in order):
//   ingest.ts       answer replays as sent, validate the rest, check the catalogue   (this file)
//   fingerprint.ts  what a snapshot tells before it is validated: key, fingerprint, ids
//   read.ts         the one read all that needs: stored copies, catalogue, change counter
//   isolation.ts    write from that read; on a race, under the user's lock; if the database
//                   refuses the batch, one transaction per key
//   transaction.ts  decide each snapshot (with the read's copies, or under the lock)
//   write-set.ts    what those decisions leave to write, as row sets
//   write.ts        one guarded statement writing them, queueing the community fold
import { type ApiError as ApiErrorBody, type SessionSnapshot } from '@sendlog/contract';
import { normalizeSnapshot } from '@sendlog/rules';
import type { Db } from '../../db/connection.js';
import { countStatements } from '../../db/statement-counter.js';
import type { IngestOptions, IngestResult } from '../ingest-result.js';
import { catalogueError, validateSnapshot } from '../validate.js';
import { catalogueIdsOf, clientSessionIdOf, fingerprint, keyAsSent } from './fingerprint.js';
import { writeFromRead } from './isolation.js';
import { readForWrite, type Replay } from './read.js';
import type { Accepted } from './transaction.js';

export type { IngestLog, IngestOptions, IngestResult } from '../ingest-result.js';

/**
 * The one ingest path of both session endpoints: read what the batch needs in one statement
 * (replays, stored sessions, climbs and layouts), answer replays, validate each other snapshot on
 * its own, then decide and write all accepted sessions in one more statement. A rejected snapshot
 * never blocks the others and nothing of it is written.
 */
export async function ingestSnapshots(
  db: Db,
  userId: string,
  items: readonly unknown[],
  o: IngestOptions,
): Promise<{ results: IngestResult[]; statements: number }> {
  const { result, statements } = await countStatements(async () => {
    const results: IngestResult[] = new Array<IngestResult>(items.length);
    const reject = (index: number, error: ApiErrorBody) => {
      results[index] = {
        index,
        clientSessionId: clientSessionIdOf(items[index]),
        success: false,
        status: 'rejected',
        error,
      };
    };
    const duplicate = (index: number, clientSessionId: string | null, replay: Replay) => {
      results[index] = {
        index,
        clientSessionId,
        success: true,
        status: 'duplicate',
        sessionId: replay.id,
        revision: replay.revision,
        isDuplicate: true,
        routeIds: [],
      };
    };
    const checked: (Accepted & { snapshot: SessionSnapshot })[] = [];
    /** Validates and normalizes item `index`; a refused one is answered at once. */
    const check = (index: number, hash: string | null) => {
      const valid = validateSnapshot(items[index], o.nowMs);
      if ('error' in valid) return reject(index, valid.error);
      const incoming = normalizeSnapshot(valid.snapshot, o.nowMs, o.headerKey);
      const print = hash ?? fingerprint(incoming.key, items[index]);
      checked.push({ index, incoming, hash: print, snapshot: valid.snapshot });
    };

    // A replay of the last snapshot that changed a session is a duplicate (its edit is already
    // applied): answered from the read alone, with no validation, catalogue check, lock or merge
    // (see fingerprint.ts). An item that names its session is keyed as sent, the others once
    // validated. A key sent twice in one batch takes the full path (no fingerprint sent), so its
    // answers stay in batch order. The same read brings the other stored sessions, the catalogue
    // and the change counter.
    const asSent: { index: number; key: string; hash: string }[] = [];
    items.forEach((item, index) => {
      const key = keyAsSent(item);
      const hash = key === null ? null : fingerprint(key, item);
      if (key === null || hash === null) check(index, null);
      else asSent.push({ index, key, hash });
    });
    const keyHashes = new Map<string, string | null>();
    const sent = (key: string, hash: string | null) =>
      keyHashes.set(key, keyHashes.has(key) ? null : hash);
    for (const { key, hash } of asSent) sent(key, hash);
    for (const c of checked) sent(c.incoming.key, c.hash);
    const { climbIds, layoutIds } = catalogueIdsOf(items);
    const read = await readForWrite(
      db,
      userId,
      [...keyHashes.keys()],
      [...keyHashes.values()],
      climbIds,
      layoutIds,
    );
    const replayOf = (key: string) =>
      keyHashes.get(key) === null ? undefined : read.replays.get(key);
    for (const { index, key, hash } of asSent) {
      const replay = replayOf(key);
      if (replay) duplicate(index, key.slice(2), replay);
      else check(index, hash);
    }
    // Decided in batch order: a key sent twice is answered in the order it was sent.
    checked.sort((a, b) => a.index - b.index);
    const accepted: Accepted[] = [];
    for (const { snapshot, ...c } of checked) {
      // An item keyed by a header or its start time is known for a replay only now.
      const replay = replayOf(c.incoming.key);
      if (replay) {
        duplicate(c.index, c.incoming.clientSessionId, replay);
        continue;
      }
      const error = catalogueError(snapshot, read.catalogue);
      if (error) reject(c.index, error);
      else accepted.push(c);
    }

    if (accepted.length > 0) {
      const written = await writeFromRead(db, userId, accepted, read, o);
      for (const r of written) results[r.index] = r;
    }
    return results;
  });
  return { results: result, statements };
}
