// The ingest chain, one file per step, each calling the next (the folder lists them in order):
//   ingest.ts       validate each snapshot, answer replays, check the catalogue   (this file)
//   isolation.ts    one transaction for the batch; if the database refuses it, one per key
//   transaction.ts  lock the user, read the stored copies, decide each snapshot
//   write-set.ts    what those decisions leave to write, as row sets
//   write.ts        the set-based statements, and the community view kept beside them
import { createHash } from 'node:crypto';
import { LIMITS, type ApiError as ApiErrorBody, type SessionSnapshot } from '@sendlog/contract';
import { normalizeSnapshot } from '@sendlog/rules';
import type { Db } from '../../db/connection.js';
import { countStatements } from '../../db/statement-counter.js';
import { isUuid } from '../../domain/ids.js';
import { unsafeTextDetails } from '../../domain/text-safety.js';
import type { Accepted } from './transaction.js';
import { lookupCatalogue } from '../catalogue-lookup.js';
import type { IngestOptions, IngestResult } from '../ingest-result.js';
import { loadSnapshotHashes } from '../session-repository.js';
import { catalogueError, validateSnapshot } from '../validate.js';
import { writeIsolating } from './isolation.js';

export type { IngestLog, IngestOptions, IngestResult } from '../ingest-result.js';

/**
 * The one ingest path of both session endpoints: validate each snapshot on its own, check every
 * climb and layout of the batch in one query, then decide and write all accepted sessions in one
 * transaction with set-based statements. A rejected snapshot never blocks the others and nothing
 * of it is written.
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
    // applied): answered from one narrow read, with no catalogue check, lock or merge. A key
    // sent twice in one batch takes the full path, so its answers stay in batch order.
    const repeated = repeatedKeys(normalized.map((n) => n.incoming.key));
    const replays = await loadSnapshotHashes(
      db,
      userId,
      unique(normalized.map((n) => n.incoming.key).filter((k) => !repeated.has(k))),
    );
    const pending: typeof normalized = [];
    for (const n of normalized) {
      const stored = replays.get(n.incoming.key);
      if (stored && stored.hash === n.hash && !repeated.has(n.incoming.key)) {
        results[n.index] = {
          index: n.index,
          clientSessionId: n.incoming.clientSessionId,
          success: true,
          status: 'duplicate',
          sessionId: stored.id,
          revision: stored.revision,
          isDuplicate: true,
          routeIds: [],
        };
      } else pending.push(n);
    }

    const catalogue = await lookupCatalogue(
      db,
      unique(
        pending.flatMap((v) =>
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
        pending.flatMap((v) =>
          !v.snapshot.deleted && v.snapshot.layoutId != null && isUuid(v.snapshot.layoutId)
            ? [v.snapshot.layoutId.toLowerCase()]
            : [],
        ),
      ),
    );
    const accepted: Accepted[] = [];
    for (const { index, snapshot, incoming, hash } of pending) {
      const error = catalogueError(snapshot, catalogue);
      if (error) reject(index, error);
      else accepted.push({ index, incoming, hash });
    }

    if (accepted.length > 0) {
      const written = await writeIsolating(db, userId, accepted, catalogue, o);
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
