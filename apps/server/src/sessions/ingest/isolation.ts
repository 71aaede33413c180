import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import type { WriteRead } from './read.js';
import { writeAccepted, writeUnlocked, type Accepted } from './transaction.js';
import { ConcurrentWriteError } from './write.js';
import type { CatalogueLookup } from '../catalogue-lookup.js';
import type { IngestOptions, IngestResult } from '../ingest-result.js';

/**
 * The common case first: the batch decided from the ingest's read and written as one statement,
 * no transaction (ingest/write.ts). When another writer of the climber committed since that read
 * (the change counter moved), or the database refused the statement, the batch goes the careful
 * way: `writeIsolating`, under the user's lock.
 */
export async function writeFromRead(
  db: Db,
  userId: string,
  accepted: Accepted[],
  read: WriteRead,
  o: IngestOptions,
): Promise<IngestResult[]> {
  const nowIso = new Date(o.nowMs).toISOString();
  try {
    const written = await writeUnlocked(
      db,
      userId,
      accepted,
      read.stored,
      read.changeSeq,
      read.catalogue,
      nowIso,
    );
    if (written) return written;
  } catch (error) {
    if (!o.isolateFailures && !isRetryable(error)) throw error;
  }
  return writeIsolating(db, userId, accepted, read.catalogue, o);
}

/**
 * Writes the batch in one transaction, under the user's lock. On the single-session endpoint a failure is the request's
 * (a 500). In a bulk, should the database refuse the batch for a reason validation did not
 * foresee, each session (with any later snapshots of its key) is written again in a transaction
 * of its own: the ones the database takes land, a refused one is answered `internal` (the client
 * keeps it and retries later). So one such session never holds back the rest of a phone's backlog,
 * nor its pull of other devices' sessions, nor the news that its replayed sessions are stored.
 * Only when nothing landed and the database does not even answer `select 1` is it down: then the
 * error stands and the whole request is a 500, as an outage should look.
 */
export async function writeIsolating(
  db: Db,
  userId: string,
  accepted: Accepted[],
  catalogue: CatalogueLookup,
  o: IngestOptions,
): Promise<IngestResult[]> {
  const nowIso = new Date(o.nowMs).toISOString();
  const write = (batch: Accepted[]) =>
    withWriteRetry(() =>
      db.transaction((tx) => writeAccepted(tx, userId, batch, catalogue, nowIso)),
    );
  try {
    return await write(accepted);
  } catch (batchError) {
    const log = o.isolateFailures;
    if (!log) throw batchError;
    const groups = groupByKey(accepted);
    log.warn(
      { err: batchError, sessions: accepted.length },
      'the database refused a batch: writing its sessions one by one',
    );
    const results: IngestResult[] = [];
    const failures: { error: unknown; group: Accepted[] }[] = [];
    if (groups.length === 1) failures.push({ error: batchError, group: accepted });
    else {
      for (const group of groups) {
        try {
          results.push(...(await write(group)));
        } catch (error) {
          failures.push({ error, group });
        }
      }
    }
    if (failures.length === groups.length && !(await databaseAnswers(db))) throw batchError;
    for (const { error, group } of failures) {
      log.error(
        { err: error, clientSessionIds: group.map((a) => a.incoming.clientSessionId) },
        'the database refused a session of a bulk; answered internal',
      );
      for (const a of group) {
        results.push({
          index: a.index,
          clientSessionId: a.incoming.clientSessionId,
          success: false,
          status: 'rejected',
          error: {
            code: 'internal',
            message: 'the server could not store this session: send it again later',
          },
        });
      }
    }
    return results;
  }
}

async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Snapshots by idempotency key, in batch order: one key's snapshots must be decided together. */
function groupByKey(accepted: Accepted[]): Accepted[][] {
  const groups = new Map<string, Accepted[]>();
  for (const a of accepted) {
    const group = groups.get(a.incoming.key);
    if (group) group.push(a);
    else groups.set(a.incoming.key, [a]);
  }
  return [...groups.values()];
}

const RETRYABLE_PG_CODES = new Set(['23505', '40001', '40P01']);

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof ConcurrentWriteError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_PG_CODES.has(code)) return true;
  }
  return false;
}

/** A race the user lock should prevent is retried from a fresh read rather than surfaced. */
export async function withWriteRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}
