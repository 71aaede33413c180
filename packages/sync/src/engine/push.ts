import { bulkResponseSchema, isTombstone } from '@sendlog/contract';
import type { BulkResult } from '@sendlog/contract';
import type { SyncErrorInfo } from '../store/model.js';
import type { PushOutcome, SentCopy, SyncPort } from '../store/sync-port.js';
import { bulkBody, chunkSessions } from './batching.js';
import type { BatchLimits } from './batching.js';
import type { HttpClient } from './http.js';
import { toOutgoing } from './snapshot.js';
import type { OutgoingSession } from './snapshot.js';

export interface PushCounts {
  created: number;
  duplicate: number;
  updated: number;
  merged: number;
  rejected: number;
  deferred: number;
}

export type PushStop =
  | {
      readonly kind: 'transient';
      readonly error: SyncErrorInfo;
      readonly retryAfterMs: number | null;
      /** What the failed request carried: those sessions note the error and the next try. */
      readonly attempted: readonly SentCopy[];
    }
  | { readonly kind: 'unauthorized'; readonly error: SyncErrorInfo };

export interface PushResult {
  readonly counts: PushCounts;
  /** Server ids whose server copy may hold more than was sent: fetched after the push. */
  readonly refresh: readonly string[];
  readonly stop: PushStop | null;
  /** Sessions answered by a per-session transient error (retried with the next run). */
  readonly deferredSessions: readonly SentCopy[];
}

/** Server-side trouble reported per session is retried, never blamed on the climber's data. */
const TRANSIENT_RESULT_CODES = new Set(['internal', 'rate_limited']);

/**
 * Sends every session waiting to sync in chunks and applies each chunk's answers as they come.
 * Stops at the first transient or auth failure: the next chunk would very likely meet it too.
 */
export async function pushSessions(options: {
  http: HttpClient;
  token: string;
  port: SyncPort;
  limits?: BatchLimits;
  /** Tombstones of deletes made after this time (epoch ms) wait: the climber may still undo. */
  deletedBefore?: number;
  onProgress(synced: number, failed: number): void;
}): Promise<PushResult> {
  const { http, token, port } = options;
  const counts: PushCounts = {
    created: 0,
    duplicate: 0,
    updated: 0,
    merged: 0,
    rejected: 0,
    deferred: 0,
  };
  const refresh: string[] = [];
  const deferredSessions: SentCopy[] = [];
  const queue = chunkSessions(
    port.sessionsToSync(options.deletedBefore).map(toOutgoing),
    options.limits,
  );

  for (let next = queue.shift(); next; next = queue.shift()) {
    const going = new Set(port.markOffered(next.map((o) => o.sent)));
    const chunk = going.size === next.length ? next : next.filter((o) => going.has(o.sent));
    if (chunk.length === 0) continue;
    const answer = await http.request('POST', '/sessions/sync/bulk', token, bulkBody(chunk));
    if (answer.kind === 'unauthorized') return { counts, refresh, deferredSessions, stop: answer };
    if (answer.kind === 'refused') {
      if (chunk.length > 1) {
        // One session may be what the server refuses (too large, malformed): halve to find it
        // so the others still go.
        const half = Math.ceil(chunk.length / 2);
        queue.unshift(chunk.slice(0, half), chunk.slice(half));
        continue;
      }
      const [only] = chunk;
      if (only) {
        port.applyOutcomes([{ kind: 'rejected', sent: only.sent, error: answer.error }]);
        counts.rejected += 1;
        options.onProgress(0, 1);
      }
      continue;
    }
    const parsed = answer.kind === 'ok' ? bulkResponseSchema.safeParse(answer.body) : null;
    if (answer.kind === 'transient' || !parsed?.success) {
      const error: SyncErrorInfo =
        answer.kind === 'transient'
          ? answer.error
          : {
              code: 'bad_response',
              message: 'the server answered an unknown shape',
              permanent: false,
            };
      const retryAfterMs = answer.kind === 'transient' ? answer.retryAfterMs : null;
      return {
        counts,
        refresh,
        deferredSessions,
        stop: { kind: 'transient', error, retryAfterMs, attempted: chunk.map((o) => o.sent) },
      };
    }
    const outcomes = outcomesOf(chunk, parsed.data.results);
    port.applyOutcomes(outcomes);
    let synced = 0;
    let failed = 0;
    for (const o of outcomes) {
      if (o.kind === 'confirmed' || o.kind === 'merged' || o.kind === 'deleted') synced += 1;
      else failed += 1;
      if (o.kind === 'confirmed' && !o.contentMatches) refresh.push(o.serverSessionId);
      if (o.kind === 'deferred') deferredSessions.push(o.sent);
    }
    for (const r of parsed.data.results) {
      if (r.success) counts[r.status] += 1;
    }
    counts.rejected += outcomes.filter((o) => o.kind === 'rejected').length;
    counts.deferred += outcomes.filter((o) => o.kind === 'deferred').length;
    options.onProgress(synced, failed);
  }
  return { counts, refresh, deferredSessions, stop: null };
}

function outcomesOf(
  chunk: readonly OutgoingSession[],
  results: readonly BulkResult[],
): PushOutcome[] {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  return chunk.map((o, index): PushOutcome => {
    const r = byIndex.get(index);
    if (!r) {
      return {
        kind: 'deferred',
        sent: o.sent,
        error: {
          code: 'missing_result',
          message: 'the server did not answer this session',
          permanent: false,
        },
        nextAttemptAt: null,
      };
    }
    if (!r.success) {
      const permanent = !TRANSIENT_RESULT_CODES.has(r.error.code);
      const error = { code: r.error.code, message: r.error.message, permanent };
      return permanent
        ? { kind: 'rejected', sent: o.sent, error }
        : { kind: 'deferred', sent: o.sent, error, nextAttemptAt: null };
    }
    if (r.session && isTombstone(r.session)) {
      return { kind: 'deleted', sent: o.sent, serverSessionId: r.sessionId };
    }
    if (r.session) {
      return {
        kind: 'merged',
        sent: o.sent,
        serverSessionId: r.sessionId,
        revision: r.revision,
        session: r.session,
      };
    }
    return {
      kind: 'confirmed',
      sent: o.sent,
      serverSessionId: r.sessionId,
      revision: r.revision,
      // A tombstone's content is nothing: whatever the server answered, it holds the delete.
      contentMatches:
        o.snapshot.deleted === true ||
        r.status === 'created' ||
        r.status === 'updated' ||
        (r.status === 'duplicate' && o.sent.baseRevision === r.revision),
    };
  });
}
