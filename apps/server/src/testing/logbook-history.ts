import { randomUUID } from 'node:crypto';
import type {
  BulkResponse,
  Session,
  SessionSnapshotInput,
  SessionsPage,
  UnlistedClimb,
} from '@sendlog/contract';
import type { LogbookSession } from '@sendlog/rules';
import type { client } from './client.js';
import { LAYOUT_ID } from './fixtures.js';

type Api = ReturnType<typeof client>;

/** A try as a test describes it; `at` is minutes after the session's start (null: not sent). */
export interface TrySpec {
  /** Null with `climb`: a climb in no catalogue. */
  climbId: string | null;
  climb?: UnlistedClimb;
  sent?: boolean;
  attempts?: number;
  own?: string | null;
  at?: number | null;
  notes?: string | null;
  rating?: number | null;
}

export interface SessionSpec {
  start: string;
  tries: TrySpec[];
  notes?: string | null;
  layoutId?: string | null;
  /** A session elsewhere: no wall, this place. */
  place?: string;
}

const MINUTE = 60_000;

export function snapshotOf(spec: SessionSpec): SessionSnapshotInput {
  const startMs = Date.parse(spec.start);
  return {
    clientSessionId: randomUUID(),
    ...(spec.place !== undefined
      ? { layoutId: null, place: spec.place }
      : { layoutId: spec.layoutId === undefined ? LAYOUT_ID : spec.layoutId }),
    startTime: new Date(startMs).toISOString(),
    endTime: new Date(startMs + 3 * 60 * MINUTE).toISOString(),
    notes: spec.notes ?? null,
    baseRevision: null,
    updatedAt: new Date(startMs + 3 * 60 * MINUTE).toISOString(),
    removedRouteIds: [],
    routes: spec.tries.map((t, i) => {
      const loggedAt =
        t.at === null ? null : new Date(startMs + (t.at ?? i + 1) * MINUTE).toISOString();
      return {
        clientRouteId: `r${i}`,
        climbId: t.climb ? null : t.climbId,
        ...(t.climb ? { climb: t.climb } : {}),
        isSuccess: t.sent ?? false,
        attempts: t.attempts ?? 1,
        notes: t.notes ?? null,
        rating: t.rating ?? null,
        gradeOpinion: t.own ?? null,
        loggedAt,
        updatedAt: loggedAt,
      };
    }),
  };
}

/** Sends the sessions (100 per bulk) and answers their server ids, in the order given. */
export async function ingest(api: Api, specs: readonly SessionSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < specs.length; i += 100) {
    const res = await api.post<BulkResponse>(
      '/sessions/sync/bulk',
      specs.slice(i, i + 100).map(snapshotOf),
    );
    if (res.status !== 200) throw new Error(`bulk: ${res.status} ${JSON.stringify(res.body)}`);
    for (const r of res.body.results) {
      if (!r.success || r.sessionId === undefined) throw new Error(JSON.stringify(r));
      ids.push(r.sessionId);
    }
  }
  return ids;
}

/** Every session of the user through `GET /sessions`, as the server answers them. */
export async function allSessions(api: Api): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await api.get<SessionsPage>(`/sessions?limit=200${query}`);
    if (page.status !== 200) throw new Error(`GET /sessions: ${page.status}`);
    sessions.push(...page.body.sessions);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return sessions;
}

/** The sessions as the rules module reads them, those in `deleted` marked so. */
export function asLogbook(
  sessions: readonly Session[],
  deleted: ReadonlySet<string>,
): LogbookSession[] {
  return sessions.map((s) => ({ ...s, deleted: deleted.has(s.id) }));
}
