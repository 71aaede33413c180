import { bulkRequestSchema, issuesToDetails, sessionSnapshotSchema } from '@sendlog/contract';
import type { BulkResult, Session, SessionSnapshot } from '@sendlog/contract';
import type { FetchLike, ResponseLike } from '../engine/http.js';

/**
 * An in-memory stand-in for the server's sync semantics (API.md, "Exactly-once and conflicts"),
 * for model-based tests that need thousands of fast, fault-injected runs. The real server is
 * exercised by the integration tests; this one follows the same table:
 * created / duplicate (no change after merge) / updated (base matches) / merged (LWW by
 * `updatedAt`, routes unioned by `clientRouteId`, tombstones stay removed).
 */

export type Fault = 'none' | 'drop_request' | 'drop_response' | 'http_500' | 'http_429';

interface StoredRoute {
  clientRouteId: string;
  climbId: string;
  isSuccess: boolean;
  attempts: number;
  notes: string | null;
  rating: number | null;
  gradeOpinion: string | null;
  loggedAt: string;
  updatedAt: string;
}

interface StoredSession {
  id: string;
  key: string;
  clientSessionId: string | null;
  layoutId: string | null;
  startTime: string;
  endTime: string | null;
  notes: string | null;
  updatedAt: string;
  revision: number;
  createdAt: string;
  routes: Map<string, StoredRoute>;
  tombstones: Set<string>;
  changeSeq: number;
}

export interface FakeServerOptions {
  now: () => number;
  knownClimbs?: readonly string[];
  token?: string;
}

export class FakeServer {
  readonly sessions = new Map<string, StoredSession>();
  private changeSeq = 0;
  private nextId = 1;
  private readonly faults: Fault[] = [];
  /** Runs once the server has processed the next request, before the answer leaves. */
  private beforeAnswer: (() => void) | null = null;
  readonly knownClimbs: Set<string>;
  readonly token: string;
  requests = 0;

  constructor(private readonly options: FakeServerOptions) {
    this.knownClimbs = new Set(options.knownClimbs ?? ['c1', 'c2', 'c3']);
    this.token = options.token ?? 'token-1';
  }

  /** Faults for the next requests, in order. */
  injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  onNextAnswer(hook: () => void): void {
    this.beforeAnswer = hook;
  }

  readonly fetch: FetchLike = async (url, init) => {
    this.requests += 1;
    const fault = this.faults.shift() ?? 'none';
    if (fault === 'drop_request') throw new TypeError('network request failed');
    if (fault === 'http_500')
      return jsonResponse(500, { error: { code: 'internal', message: 'x' } });
    if (fault === 'http_429') {
      return jsonResponse(429, { error: { code: 'rate_limited', message: 'slow down' } }, '7');
    }
    const answer = this.handle(url, init.method, init.headers, init.body);
    const hook = this.beforeAnswer;
    this.beforeAnswer = null;
    hook?.();
    if (fault === 'drop_response') throw new TypeError('network request failed');
    return answer;
  };

  private handle(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): ResponseLike {
    if (headers.authorization !== `Bearer ${this.token}`) {
      return jsonResponse(401, { error: { code: 'unauthorized', message: 'sign in' } });
    }
    const u = new URL(url);
    if (method === 'POST' && u.pathname === '/sessions/sync/bulk') return this.bulk(body ?? '');
    if (method === 'GET' && u.pathname === '/sessions') {
      return this.changes(u.searchParams.get('updatedSince') ?? '', u.searchParams.get('limit'));
    }
    const one = /^\/sessions\/([^/]+)$/.exec(u.pathname);
    if (method === 'GET' && one?.[1]) {
      const s = [...this.sessions.values()].find((x) => x.id === decodeURIComponent(one[1] ?? ''));
      return s
        ? jsonResponse(200, { session: toApi(s) })
        : jsonResponse(404, { error: { code: 'not_found', message: 'no such session' } });
    }
    return jsonResponse(404, { error: { code: 'not_found', message: 'no route' } });
  }

  private bulk(text: string): ResponseLike {
    const parsed = bulkRequestSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      return jsonResponse(400, { error: { code: 'validation_failed', message: 'x' } });
    const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.sessions;
    if (items.length === 0 || items.length > 100) {
      return jsonResponse(400, { error: { code: 'validation_failed', message: '1–100 sessions' } });
    }
    const results = items.map((item, index) => this.ingest(item, index));
    const summary = { created: 0, duplicate: 0, updated: 0, merged: 0, rejected: 0 };
    for (const r of results) summary[r.status] += 1;
    return jsonResponse(200, { results, summary });
  }

  /** One snapshot through validate → dedupe → merge → write, as API.md's table says. */
  ingest(item: unknown, index: number): BulkResult {
    const parsed = sessionSnapshotSchema.safeParse(item);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues);
      return rejected(index, item, 'validation_failed', details);
    }
    const snap = parsed.data;
    const unknown = snap.routes.findIndex((r) => !this.knownClimbs.has(r.climbId));
    if (unknown >= 0) {
      return rejected(index, item, 'unknown_climb', [
        { path: `routes.${unknown}.climbId`, message: 'no such climb' },
      ]);
    }
    const nowIso = new Date(this.options.now()).toISOString();
    const incoming = this.normalize(snap, nowIso);
    const key = snap.clientSessionId ?? `start:${Date.parse(snap.startTime)}`;
    const existing = this.sessions.get(key);
    const clientSessionId = snap.clientSessionId ?? null;
    if (!existing) {
      const created: StoredSession = {
        id: `srv-${this.nextId++}`,
        key,
        clientSessionId,
        ...incoming.fields,
        revision: 1,
        createdAt: nowIso,
        routes: new Map(
          incoming.routes
            .filter((r) => !incoming.removed.has(r.clientRouteId))
            .map((r) => [r.clientRouteId, r]),
        ),
        tombstones: new Set(incoming.removed),
        changeSeq: ++this.changeSeq,
      };
      this.sessions.set(key, created);
      return ok(index, clientSessionId, 'created', created, false);
    }
    const replace = snap.baseRevision != null && snap.baseRevision === existing.revision;
    const next = replace ? this.replaced(existing, incoming) : this.merged(existing, incoming);
    if (sameContent(existing, next))
      return ok(index, clientSessionId, 'duplicate', existing, false);
    next.revision = existing.revision + 1;
    next.changeSeq = ++this.changeSeq;
    this.sessions.set(key, next);
    return ok(index, clientSessionId, replace ? 'updated' : 'merged', next, !replace);
  }

  private normalize(snap: SessionSnapshot, nowIso: string) {
    const clamp = (t: string) => (Date.parse(t) > Date.parse(nowIso) ? nowIso : t);
    const updatedAt = clamp(snap.updatedAt ?? snap.endTime ?? snap.startTime);
    const routes: StoredRoute[] = snap.routes.map((r, i) => ({
      clientRouteId: r.clientRouteId ?? `pos-${i}`,
      climbId: r.climbId,
      isSuccess: r.isSuccess,
      attempts: r.attempts,
      notes: r.notes ?? null,
      rating: r.rating ?? null,
      gradeOpinion: r.gradeOpinion ?? null,
      loggedAt: r.loggedAt ?? updatedAt,
      updatedAt: clamp(r.updatedAt ?? r.loggedAt ?? updatedAt),
    }));
    return {
      fields: {
        layoutId: snap.layoutId ?? null,
        startTime: snap.startTime,
        endTime: snap.endTime ?? null,
        notes: snap.notes ?? null,
        updatedAt,
      },
      routes,
      removed: new Set(snap.removedRouteIds ?? []),
    };
  }

  private replaced(
    existing: StoredSession,
    incoming: ReturnType<FakeServer['normalize']>,
  ): StoredSession {
    const tombstones = new Set([...existing.tombstones, ...incoming.removed]);
    const routes = new Map<string, StoredRoute>();
    for (const r of incoming.routes)
      if (!tombstones.has(r.clientRouteId)) routes.set(r.clientRouteId, r);
    // A route the copy no longer holds was removed on it: it stays removed.
    for (const id of existing.routes.keys()) if (!routes.has(id)) tombstones.add(id);
    return { ...existing, ...incoming.fields, routes, tombstones };
  }

  private merged(
    existing: StoredSession,
    incoming: ReturnType<FakeServer['normalize']>,
  ): StoredSession {
    const tombstones = new Set([...existing.tombstones, ...incoming.removed]);
    const mine = fieldsOf(existing);
    const fields = newer(incoming.fields, mine) ? incoming.fields : mine;
    const routes = new Map<string, StoredRoute>();
    for (const r of existing.routes.values()) routes.set(r.clientRouteId, r);
    for (const r of incoming.routes) {
      const have = routes.get(r.clientRouteId);
      if (!have || newer(r, have)) routes.set(r.clientRouteId, r);
    }
    for (const id of tombstones) routes.delete(id);
    return { ...existing, ...fields, routes, tombstones };
  }

  private changes(cursor: string, limitText: string | null): ResponseLike {
    const after = cursor === '' ? 0 : Number(cursor);
    const limit = limitText == null ? 50 : Number(limitText);
    const page = [...this.sessions.values()]
      .filter((s) => s.changeSeq > after)
      .sort((a, b) => a.changeSeq - b.changeSeq)
      .slice(0, limit);
    const last = page.at(-1);
    return jsonResponse(200, {
      sessions: page.map((s) => toApi(s)),
      nextCursor: String(last ? last.changeSeq : after),
    });
  }

  /** Every session the server holds, in the API's shape. */
  all(): Session[] {
    return [...this.sessions.values()].map(toApi);
  }
}

function toApi(s: StoredSession): Session {
  return {
    id: s.id,
    clientSessionId: s.clientSessionId,
    layoutId: s.layoutId,
    startTime: s.startTime,
    endTime: s.endTime,
    notes: s.notes,
    revision: s.revision,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    routes: [...s.routes.values()].map((r, i) => ({
      id: `${s.id}-r${i}`,
      climbName: `Climb ${r.climbId}`,
      grade: 'V3',
      ...r,
    })),
  };
}

function fieldsOf(s: StoredSession) {
  return {
    layoutId: s.layoutId,
    startTime: s.startTime,
    endTime: s.endTime,
    notes: s.notes,
    updatedAt: s.updatedAt,
  };
}

/** Last writer wins by `updatedAt`; on equal times the greater JSON, so order never matters. */
function newer<T extends { updatedAt: string }>(a: T, b: T): boolean {
  const d = Date.parse(a.updatedAt) - Date.parse(b.updatedAt);
  if (d !== 0) return d > 0;
  return JSON.stringify(a) > JSON.stringify(b);
}

function sameContent(a: StoredSession, b: StoredSession): boolean {
  const routes = (s: StoredSession) =>
    JSON.stringify(
      [...s.routes.values()].sort((x, y) => (x.clientRouteId < y.clientRouteId ? -1 : 1)),
    );
  return (
    JSON.stringify(fieldsOf(a)) === JSON.stringify(fieldsOf(b)) &&
    routes(a) === routes(b) &&
    [...a.tombstones].sort().join() === [...b.tombstones].sort().join()
  );
}

function ok(
  index: number,
  clientSessionId: string | null,
  status: 'created' | 'duplicate' | 'updated' | 'merged',
  s: StoredSession,
  withSession: boolean,
): BulkResult {
  return {
    index,
    clientSessionId,
    success: true,
    status,
    sessionId: s.id,
    revision: s.revision,
    isDuplicate: status === 'duplicate',
    ...(withSession ? { session: toApi(s) } : {}),
  };
}

function rejected(
  index: number,
  item: unknown,
  code: string,
  details: { path: string; message: string }[],
): BulkResult {
  const id =
    typeof item === 'object' && item !== null && 'clientSessionId' in item
      ? String((item as { clientSessionId: unknown }).clientSessionId)
      : null;
  return {
    index,
    clientSessionId: id,
    success: false,
    status: 'rejected',
    error: { code, message: details[0]?.message ?? code, details },
  };
}

function jsonResponse(status: number, body: unknown, retryAfter?: string): ResponseLike {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      get: (name) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null),
    },
    text: async () => text,
  };
}
