import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ApiError as ApiErrorBody, Session, SessionSnapshot } from '@sendlog/contract';
import type { Db } from '../db/connection.js';
import { countStatements } from '../db/statement-counter.js';
import { isUuid } from '../http/ids.js';
import { unsafeTextDetails } from '../http/text-safety.js';
import {
  compareRoutes,
  decide,
  normalizeSnapshot,
  sameRoute,
  type IncomingSnapshot,
  type RouteVersion,
  type SessionState,
  type SyncOutcome,
} from '@sendlog/rules';
import { catalogueError, validateSnapshot } from './validate.js';
import {
  ConcurrentWriteError,
  loadByKeys,
  loadSnapshotHashes,
  lockUserChanges,
  lookupCatalogue,
  toApiSession,
  writeBatch,
  type CatalogueLookup,
  type RouteWrite,
  type SessionWrite,
  type StoredRoute,
  type StoredSession,
  type WriteSet,
} from './store.js';

export type IngestResult =
  | {
      index: number;
      clientSessionId: string | null;
      success: true;
      status: SyncOutcome;
      sessionId: string;
      revision: number;
      isDuplicate: boolean;
      /** Server ids of the snapshot's routes, in its order (answered on creation). */
      routeIds: string[];
      /** The merged session (answered on `merged`). */
      session?: Session;
    }
  | {
      index: number;
      clientSessionId: string | null;
      success: false;
      status: 'rejected';
      error: ApiErrorBody;
    };

export interface IngestOptions {
  /** `Idempotency-Key` header: only the single-session endpoint passes it. */
  headerKey?: string | undefined;
  nowMs: number;
  /**
   * Bulk only: a session whose write the database refuses is answered on its own (`internal`)
   * and logged here, rather than failing the request (see writeIsolating).
   */
  isolateFailures?: IngestLog;
}

/** Where isolated write failures are reported (the request's logger). */
export interface IngestLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

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
          v.snapshot.routes.map((r) => r.climbId.toLowerCase()).filter(isUuid),
        ),
      ),
      unique(
        pending.flatMap((v) =>
          v.snapshot.layoutId != null && isUuid(v.snapshot.layoutId)
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

type Accepted = { index: number; incoming: IncomingSnapshot; hash: string };

/**
 * Writes the batch in one transaction. On the single-session endpoint a failure is the request's
 * (a 500). In a bulk, should the database refuse the batch for a reason validation did not
 * foresee, each session (with any later snapshots of its key) is written again in a transaction
 * of its own: the ones the database takes land, a refused one is answered `internal` (the client
 * keeps it and retries later). So one such session never holds back the rest of a phone's backlog,
 * nor its pull of other devices' sessions, nor the news that its replayed sessions are stored.
 * Only when nothing landed and the database does not even answer `select 1` is it down: then the
 * error stands and the whole request is a 500, as an outage should look.
 */
async function writeIsolating(
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

/** A session while the batch is decided: several snapshots of one batch may share its key. */
interface Working {
  id: string;
  key: string;
  clientSessionId: string | null;
  createdAt: string;
  revision: number;
  state: SessionState;
  /** Server identity and snapshotted grade of each route, by clientRouteId. */
  routeMeta: Map<string, { id: string; climbId: string; climbName: string; grade: string }>;
  stored: StoredSession | undefined;
  /** Hash of the last snapshot that changed this session (see loadSnapshotHashes). */
  lastSnapshotHash: string | null;
}

async function writeAccepted(
  tx: Db,
  userId: string,
  accepted: Accepted[],
  catalogue: CatalogueLookup,
  nowIso: string,
): Promise<IngestResult[]> {
  // The user's row lock first: one user's writers take turns, so the change sequence and the
  // idempotency check below see every earlier commit (two processes, same key → one row).
  const baseSeq = await lockUserChanges(tx, userId);
  const stored = await loadByKeys(tx, userId, unique(accepted.map((a) => a.incoming.key)));
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
    if (decision.outcome !== 'duplicate') w.lastSnapshotHash = hash;
    w.state = decision.state;
    w.revision = decision.revision;
    for (const route of w.state.routes.values()) {
      const meta = w.routeMeta.get(route.clientRouteId);
      if (meta && meta.climbId === route.climbId) continue;
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
      ...(decision.outcome === 'merged' ? { session: toApiSession(snapshotOf(w)) } : {}),
    });
  }

  await writeBatch(tx, userId, writeSetOf([...working.values()], baseSeq), nowIso);
  return results;
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

/** A route with its server identity and snapshotted grade (fields spelled out: no spread). */
function storedRouteOf(w: Working, r: RouteVersion): StoredRoute {
  const meta = w.routeMeta.get(r.clientRouteId);
  if (!meta) throw new Error(`route ${r.clientRouteId} has no server identity`);
  return {
    id: meta.id,
    clientRouteId: r.clientRouteId,
    climbId: r.climbId,
    climbName: meta.climbName,
    grade: meta.grade,
    isSuccess: r.isSuccess,
    attempts: r.attempts,
    notes: r.notes,
    rating: r.rating,
    gradeOpinion: r.gradeOpinion,
    loggedAt: r.loggedAt,
    position: r.position,
    updatedAt: r.updatedAt,
  };
}

function routesOf(w: Working): StoredRoute[] {
  return [...w.state.routes.values()].sort(compareRoutes).map((r) => storedRouteOf(w, r));
}

function snapshotOf(w: Working): StoredSession {
  return {
    id: w.id,
    idempotencyKey: w.key,
    clientSessionId: w.clientSessionId,
    revision: w.revision,
    createdAt: w.createdAt,
    changeSeq: 0,
    state: w.state,
    routes: routesOf(w),
  };
}

/** The difference between what was stored and where the batch ended, as row sets. */
function writeSetOf(sessions: Working[], baseSeq: number): WriteSet {
  const set: WriteSet = {
    inserts: [],
    updates: [],
    routeInserts: [],
    routeUpserts: [],
    routeDeletes: [],
    tombstones: [],
    changeSeq: null,
  };
  let seq = baseSeq;
  for (const w of sessions) {
    const before = w.stored;
    if (before && before.revision === w.revision) continue; // every snapshot was a duplicate
    seq += 1;
    const row: SessionWrite = {
      id: w.id,
      idempotencyKey: w.key,
      clientSessionId: w.clientSessionId,
      state: w.state,
      revision: w.revision,
      changeSeq: seq,
      createdAt: w.createdAt,
      lastSnapshotHash: w.lastSnapshotHash,
    };
    (before ? set.updates : set.inserts).push(row);
    // Row order does not matter to the insert: no sorting, no intermediate copies.
    const old = new Map(before?.routes.map((r) => [r.clientRouteId, r]));
    for (const route of w.state.routes.values()) {
      const prior = old.get(route.clientRouteId);
      if (prior && sameRoute(prior, route) && prior.climbId === route.climbId) continue;
      const write: RouteWrite = Object.assign(storedRouteOf(w, route), { sessionId: w.id });
      (before ? set.routeUpserts : set.routeInserts).push(write);
    }
    for (const id of old.keys()) {
      if (!w.state.routes.has(id)) set.routeDeletes.push({ sessionId: w.id, clientRouteId: id });
    }
    for (const id of w.state.tombstones) {
      if (!before?.state.tombstones.has(id))
        set.tombstones.push({ sessionId: w.id, clientRouteId: id });
    }
  }
  if (seq !== baseSeq) set.changeSeq = seq;
  return set;
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
async function withWriteRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

function clientSessionIdOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'clientSessionId' in item) {
    const id = item.clientSessionId;
    if (typeof id === 'string' && id.length <= 128 && unsafeTextDetails(id).length === 0) return id;
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
