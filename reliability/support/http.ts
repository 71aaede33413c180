import { randomUUID } from 'node:crypto';
import type {
  AuthResponse,
  ClimbsResponse,
  LayoutsResponse,
  SessionSnapshotInput,
  SessionsPage,
} from '@sendlog/contract';

/** One HTTP answer, read whole. `body` is the parsed JSON, or undefined when it is not JSON. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is (no JSON encoding, no content type added). */
  raw?: string | Blob;
  signal?: AbortSignal;
}

/** A small fetch client for black-box checks against a real server socket. */
export function http(baseUrl: string, token?: string) {
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    o: RequestOptions = {},
  ): Promise<Answer<T>> => {
    const auth = o.token ?? token;
    const headers: Record<string, string> = {
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(body !== undefined && o.raw === undefined ? { 'content-type': 'application/json' } : {}),
      ...o.headers,
    };
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: o.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: o.signal,
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  };
  return {
    get: <T = unknown>(path: string, o?: RequestOptions) => send<T>('GET', path, undefined, o),
    post: <T = unknown>(path: string, body?: unknown, o?: RequestOptions) =>
      send<T>('POST', path, body, o),
    send,
  };
}
export type Http = ReturnType<typeof http>;

export const TEST_PASSWORD = 'correct horse battery staple';

/** Registers a fresh climber; returns their token, user and an authenticated client. */
export async function register(baseUrl: string, label = 'climber') {
  const email = `${label}-${randomUUID()}@reliability.sendlog.app`;
  const res = await http(baseUrl).post<AuthResponse>('/auth/register', {
    email,
    password: TEST_PASSWORD,
    name: label,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return { ...res.body, email, api: http(baseUrl, res.body.token) };
}
export type Climber = Awaited<ReturnType<typeof register>>;

/** The demo gym as the server publishes it: one layout and its active climbs. */
export async function demoGym(baseUrl: string): Promise<{ layoutId: string; climbIds: string[] }> {
  const api = http(baseUrl);
  const layouts = await api.get<LayoutsResponse>('/layouts');
  const layout = layouts.body.layouts.find((l) => l.climbCount > 0);
  if (!layout) throw new Error('the server has no demo layout (start it with demo: true)');
  const climbs = await api.get<ClimbsResponse>(`/layouts/${layout.id}/climbs`);
  const climbIds = climbs.body.climbs.filter((c) => !c.archived).map((c) => c.id);
  return { layoutId: layout.id, climbIds };
}

/** A snapshot as our client sends it: ids for the session and each route, `routeCount` routes. */
export function snapshot(
  gym: { layoutId: string; climbIds: string[] },
  routeCount: number,
  over: Partial<SessionSnapshotInput> = {},
  startMs = Date.parse('2026-11-20T18:00:00.000Z'),
): SessionSnapshotInput {
  const at = (minutes: number) => new Date(startMs + minutes * 60_000).toISOString();
  return {
    clientSessionId: randomUUID(),
    layoutId: gym.layoutId,
    startTime: at(0),
    endTime: at(120),
    notes: 'reliability run',
    baseRevision: null,
    updatedAt: at(121),
    removedRouteIds: [],
    routes: Array.from({ length: routeCount }, (_, i) => ({
      clientRouteId: `r-${i}`,
      climbId: gym.climbIds[i % gym.climbIds.length]!,
      isSuccess: i % 3 !== 0,
      attempts: (i % 7) + 1,
      notes: i % 5 === 0 ? `beta ${i}` : null,
      rating: (i % 5) + 1,
      gradeOpinion: null,
      loggedAt: at(Math.floor((i * 100) / Math.max(routeCount, 1))),
      updatedAt: at(Math.floor((i * 100) / Math.max(routeCount, 1))),
    })),
    ...over,
  };
}

/** `batches` bulks of `perBatch` new sessions, an hour apart from `startMs` on (a load to replay). */
export function snapshotBatches(
  gym: { layoutId: string; climbIds: string[] },
  shape: { batches: number; perBatch: number; routes: number },
  startMs: number,
): SessionSnapshotInput[][] {
  return Array.from({ length: shape.batches }, (_, b) =>
    Array.from({ length: shape.perBatch }, (_, i) =>
      snapshot(gym, shape.routes, {}, startMs + (b * shape.perBatch + i) * 3_600_000),
    ),
  );
}

/** Every session of a user, paging `GET /sessions` to the end. */
export async function allSessions(api: Http): Promise<SessionsPage['sessions']> {
  const out: SessionsPage['sessions'] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await api.get<SessionsPage>(`/sessions?limit=200${q}`);
    if (page.status !== 200) throw new Error(`GET /sessions: ${page.status} ${page.text}`);
    out.push(...page.body.sessions);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}
