// The ingest chain, one file per step, each calling the next (the folder lists them in order):
//   ingest.ts       validate each snapshot, answer replays, check the catalogue   (this file)
//   read.ts         the one read all that needs: stored copies, catalogue, change counter
//   isolation.ts    write from that read; on a race, under the user's lock; if the database
//                   refuses the batch, one transaction per key
//   transaction.ts  decide each snapshot (with the read's copies, or under the lock)
//   write-set.ts    what those decisions leave to write, as row sets
//   write.ts        one guarded statement writing them, queueing the community fold
import { createHash } from 'node:crypto';
import { LIMITS, type ApiError as ApiErrorBody, type SessionSnapshot } from '@sendlog/contract';
import { normalizeSnapshot } from '@sendlog/rules';
import type { Db } from '../../db/connection.js';
import { countStatements } from '../../db/statement-counter.js';
import { isUuid } from '../../domain/ids.js';
import { unsafeTextDetails } from '../../domain/text-safety.js';
import type { IngestOptions, IngestResult } from '../ingest-result.js';
import { catalogueError, validateSnapshot } from '../validate.js';
import { writeFromRead } from './isolation.js';
import { readForWrite } from './read.js';
import type { Accepted } from './transaction.js';

export type { IngestLog, IngestOptions, IngestResult } from '../ingest-result.js';

/**
 * The one ingest path of both session endpoints: validate each snapshot on its own, read what the
 * batch needs in one statement (replays, stored sessions, climbs and layouts), then decide and
 * write all accepted sessions in one more statement. A rejected snapshot never blocks the others
 * and nothing of it is written.
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

    const valid: { index: number; snapshot: SessionSnapshot }[] = [];
    items.forEach((item, index) => {
      const checked = validateSnapshot(item, o.nowMs);
      if ('error' in checked) reject(index, checked.error);
      else valid.push({ index, snapshot: checked.snapshot });
    });

    const normalized = valid.map(({ index, snapshot }) => {
      const incoming = normalizeSnapshot(snapshot, o.nowMs, o.headerKey);
      return { index, snapshot, incoming, hash: snapshotHash(incoming.key, snapshot) };
    });
    // A replay of the last snapshot that changed a session is a duplicate (its edit is already
    // applied): answered from the read alone, with no catalogue check, lock or merge. A key sent
    // twice in one batch takes the full path (no fingerprint sent), so its answers stay in batch
    // order. The same read brings the other stored sessions, the catalogue and the change counter.
    const repeated = repeatedKeys(normalized.map((n) => n.incoming.key));
    const keyHashes = new Map<string, string | null>();
    for (const n of normalized) {
      keyHashes.set(n.incoming.key, repeated.has(n.incoming.key) ? null : n.hash);
    }
    const read = await readForWrite(
      db,
      userId,
      [...keyHashes.keys()],
      [...keyHashes.values()],
      unique(
        normalized.flatMap((v) =>
          v.snapshot.deleted
            ? []
            : v.snapshot.routes.flatMap((r) =>
                r.climbId != null && isUuid(r.climbId.toLowerCase())
                  ? [r.climbId.toLowerCase()]
                  : [],
              ),
        ),
      ),
      unique(
        normalized.flatMap((v) =>
          !v.snapshot.deleted && v.snapshot.layoutId != null && isUuid(v.snapshot.layoutId)
            ? [v.snapshot.layoutId.toLowerCase()]
            : [],
        ),
      ),
    );
    const accepted: Accepted[] = [];
    for (const { index, snapshot, incoming, hash } of normalized) {
      const replay = read.replays.get(incoming.key);
      if (replay) {
        results[index] = {
          index,
          clientSessionId: incoming.clientSessionId,
          success: true,
          status: 'duplicate',
          sessionId: replay.id,
          revision: replay.revision,
          isDuplicate: true,
          routeIds: [],
        };
        continue;
      }
      const error = catalogueError(snapshot, read.catalogue);
      if (error) reject(index, error);
      else accepted.push({ index, incoming, hash });
    }

    if (accepted.length > 0) {
      const written = await writeFromRead(db, userId, accepted, read, o);
      for (const r of written) results[r.index] = r;
    }
    return results;
  });
  return { results: result, statements };
}

function clientSessionIdOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'clientSessionId' in item) {
    const id = item.clientSessionId;
    if (
      typeof id === 'string' &&
      id.length <= LIMITS.maxClientIdLength &&
      unsafeTextDetails(id).length === 0
    )
      return id;
  }
  return null;
}

/**
 * A fingerprint of a snapshot as sent (validated, before normalizing), with the key it applies
 * to. Taken before edit times are clamped to the server's clock: a phone whose clock runs ahead
 * sends times the clamp turns into a later "now" on every arrival, so a fingerprint of the
 * clamped snapshot would never match its own resend, and each resend would be a new revision.
 * Two snapshots with one fingerprint are the same edit, which the first arrival already applied.
 */
function snapshotHash(key: string, snapshot: SessionSnapshot): string {
  return createHash('sha256')
    .update(JSON.stringify([key, snapshot]))
    .digest('base64url');
}

function repeatedKeys(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const k of keys) (seen.has(k) ? repeated : seen).add(k);
  return repeated;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
