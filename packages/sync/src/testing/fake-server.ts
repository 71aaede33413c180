import {
  bulkRequestSchema,
  issuesToDetails,
  sessionSnapshotSchema,
  summarizeDetails,
  tombstoneOf,
} from '@sendlog/contract';
import {
  withRouteContent,
  type BulkResult,
  type Session,
  type SessionOrTombstone,
} from '@sendlog/contract';
import {
  compareRoutes,
  decide,
  normalizeSnapshot,
  type SessionState,
  type SyncOutcome,
} from '@sendlog/rules';
import type { FetchLike, ResponseLike } from '../engine/http.js';
import { FaultPlan } from './fault-plan.js';

/**
 * An in-memory stand-in for the server (docs/api.md, "Exactly-once and conflicts"), for model-based
 * tests that need thousands of fast, fault-injected runs. It decides and merges with the server's
 * own rules (`@sendlog/rules`), so it cannot disagree with it; only storage, the catalogue (a set
 * of known climb ids, and their names and grades if a caller has a catalogue) and faults are its
 * own. The real server runs in the integration tests.
 */

export type { Fault } from './fault-plan.js';

/** A session as the fake keeps it: the merge's state plus the server identities it hands out. */
interface StoredSession {
  id: string;
  key: string;
  clientSessionId: string | null;
  revision: number;
  createdAt: string;
  state: SessionState;
  /** Server id of each route by clientRouteId: kept for the route's life, as the server does. */
  routeIds: Map<string, string>;
  changeSeq: number;
}

/** What a route's answer says of its climb: the server reads both from its catalogue. */
export interface ClimbLabel {
  name: string;
  grade: string;
}

export interface FakeServerOptions {
  now: () => number;
  knownClimbs?: readonly string[];
  /** A caller's catalogue (the app's tests keep one); without it a route is `Climb <id>`, V3. */
  climbLabel?: (climbId: string) => ClimbLabel | undefined;
  token?: string;
}

export class FakeServer extends FaultPlan {
  readonly sessions = new Map<string, StoredSession>();
  private changeSeq = 0;
  private nextId = 1;
  readonly knownClimbs: Set<string>;
  readonly token: string;
  requests = 0;
  private readonly toApi: (s: StoredSession) => Session;
  private readonly toApiChange: (s: StoredSession) => SessionOrTombstone;

  constructor(private readonly options: FakeServerOptions) {
    super();
    this.knownClimbs = new Set(options.knownClimbs ?? ['c1', 'c2', 'c3']);
    this.token = options.token ?? 'token-1';
    const label = options.climbLabel ?? (() => undefined);
    this.toApi = (s) => toApi(s, label);
    this.toApiChange = (s) => (s.state.deleted ? tombstone(s) : this.toApi(s));
  }

  readonly fetch: FetchLike = (url, init) => {
    this.requests += 1;
    return this.throughFaults(() => {
      // The sync engine sends JSON text only; bytes (wall pictures) are the app's, not its.
      const body = typeof init.body === 'string' ? init.body : undefined;
      return this.handle(url, init.method, init.headers, body);
    });
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
      return s && !s.state.deleted
        ? jsonResponse(200, { session: this.toApi(s) })
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

  /** One snapshot through validate → dedupe → merge → write, as docs/api.md's table says. */
  ingest(item: unknown, index: number): BulkResult {
    const parsed = sessionSnapshotSchema.safeParse(item);
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues);
      return rejected(index, item, 'validation_failed', details);
    }
    const snap = parsed.data;
    const unknown = snap.routes.findIndex(
      (r) => r.climbId != null && !this.knownClimbs.has(r.climbId),
    );
    if (unknown >= 0) {
      return rejected(index, item, 'unknown_climb', [
        { path: `routes.${unknown}.climbId`, message: 'does not name a known climb' },
      ]);
    }
    const now = this.options.now();
    const incoming = normalizeSnapshot(snap, now);
    const existing = this.sessions.get(incoming.key);
    const clientSessionId = incoming.clientSessionId;
    const decision = decide(existing, incoming);
    if (decision.outcome === 'duplicate' && existing) {
      return ok(index, clientSessionId, 'duplicate', existing);
    }
    // An edit that lost to a delete: answered with the tombstone, nothing written.
    if (existing && decision.revision === existing.revision) {
      return ok(index, clientSessionId, decision.outcome, existing, this.toApiChange(existing));
    }
    const next: StoredSession = {
      id: existing?.id ?? `srv-${this.nextId++}`,
      key: incoming.key,
      clientSessionId: existing ? existing.clientSessionId : clientSessionId,
      revision: decision.revision,
      createdAt: existing?.createdAt ?? new Date(now).toISOString(),
      state: decision.state,
      routeIds: new Map(existing?.routeIds),
      changeSeq: ++this.changeSeq,
    };
    for (const id of next.state.routes.keys()) {
      if (!next.routeIds.has(id)) next.routeIds.set(id, `${next.id}-r${this.nextId++}`);
    }
    this.sessions.set(incoming.key, next);
    const merged = decision.outcome === 'merged' ? this.toApiChange(next) : undefined;
    return ok(index, clientSessionId, decision.outcome, next, merged);
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
      sessions: page.map(this.toApiChange),
      nextCursor: String(last ? last.changeSeq : after),
    });
  }

  /** Every live session the server holds, in the API's shape (history: deleted ones left out). */
  all(): Session[] {
    return [...this.sessions.values()].filter((s) => !s.state.deleted).map(this.toApi);
  }
}

function tombstone(s: StoredSession): SessionOrTombstone {
  return tombstoneOf({ ...s, updatedAt: s.state.updatedAt });
}

function toApi(s: StoredSession, label: (climbId: string) => ClimbLabel | undefined): Session {
  const { fields } = s.state;
  return {
    id: s.id,
    clientSessionId: s.clientSessionId,
    layoutId: fields.layoutId,
    ...(fields.place !== null ? { place: fields.place } : {}),
    startTime: fields.startTime,
    endTime: fields.endTime,
    notes: fields.notes,
    revision: s.revision,
    createdAt: s.createdAt,
    updatedAt: s.state.updatedAt,
    routes: [...s.state.routes.values()].sort(compareRoutes).map((r) => {
      // An unlisted climb is named by the route itself, as the real server answers it.
      const climb = r.climbId === null ? r.climb : label(r.climbId);
      const identity = {
        id: s.routeIds.get(r.clientRouteId) ?? r.clientRouteId,
        clientRouteId: r.clientRouteId,
        climbName: climb?.name ?? `Climb ${r.climbId}`,
        grade: climb?.grade ?? 'V3',
        updatedAt: r.updatedAt,
      };
      const route = withRouteContent(identity, r);
      if (route.climb == null) delete route.climb;
      return route;
    }),
  };
}

function ok(
  index: number,
  clientSessionId: string | null,
  status: SyncOutcome,
  s: StoredSession,
  session?: SessionOrTombstone,
): BulkResult {
  return {
    index,
    clientSessionId,
    success: true,
    status,
    sessionId: s.id,
    revision: s.revision,
    isDuplicate: status === 'duplicate',
    ...(session ? { session } : {}),
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
    // In the server's words: the first field and what is wrong with it.
    error: { code, message: summarizeDetails(details), details },
  };
}

function jsonResponse(status: number, body: unknown): ResponseLike {
  const text = JSON.stringify(body);
  return { status, headers: { get: () => null }, text: async () => text };
}
