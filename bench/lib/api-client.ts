import { randomUUID } from 'node:crypto';
import {
  DEMO_SETTER,
  type AuthResponse,
  type BulkResponse,
  type OfflineResponse,
} from '@sendlog/contract';

export interface BenchUser {
  id: string;
  token: string;
}

async function expectOk(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** A fresh account: every measurement writes for a user with no history. */
export async function registerUser(baseUrl: string): Promise<BenchUser> {
  const res = await fetch(`${baseUrl}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomUUID()}@sendlog.test`,
      password: 'bench-password',
    }),
  });
  const body = JSON.parse(await expectOk(res, 'register')) as AuthResponse;
  return { id: body.user.id, token: body.token };
}

export async function registerUsers(baseUrl: string, count: number): Promise<BenchUser[]> {
  return Promise.all(Array.from({ length: count }, () => registerUser(baseUrl)));
}

export interface Catalogue {
  layoutId: string;
  climbs: { id: string; grade: string }[];
}

/** The first layout's active climbs, read through the public API. */
export async function fetchCatalogue(baseUrl: string, user: BenchUser): Promise<Catalogue> {
  const headers = { authorization: `Bearer ${user.token}` };
  const layouts = JSON.parse(
    await expectOk(await fetch(`${baseUrl}/layouts`, { headers }), 'layouts'),
  ) as { layouts: { id: string }[] };
  const layoutId = layouts.layouts[0]?.id;
  if (!layoutId) throw new Error('the server has no layout (demo gym not seeded?)');
  const climbs = JSON.parse(
    await expectOk(await fetch(`${baseUrl}/layouts/${layoutId}/climbs`, { headers }), 'climbs'),
  ) as { climbs: { id: string; grade: string; archived: boolean }[] };
  return {
    layoutId,
    climbs: climbs.climbs.filter((c) => !c.archived).map((c) => ({ id: c.id, grade: c.grade })),
  };
}

/** Every layout the account sees, each with its active climbs: the walls of several gyms. */
export async function fetchWalls(baseUrl: string, user: BenchUser): Promise<Catalogue[]> {
  const headers = { authorization: `Bearer ${user.token}` };
  const layouts = JSON.parse(
    await expectOk(await fetch(`${baseUrl}/layouts`, { headers }), 'layouts'),
  ) as { layouts: { id: string }[] };
  const walls: Catalogue[] = [];
  for (const { id } of layouts.layouts) {
    const climbs = JSON.parse(
      await expectOk(await fetch(`${baseUrl}/layouts/${id}/climbs`, { headers }), 'climbs'),
    ) as { climbs: { id: string; grade: string; archived: boolean }[] };
    const active = climbs.climbs.filter((c) => !c.archived);
    if (active.length > 0) {
      walls.push({ layoutId: id, climbs: active.map((c) => ({ id: c.id, grade: c.grade })) });
    }
  }
  return walls;
}

/** The demo setter signed in, with the gyms whose staff it is (their insights it may read). */
export async function staffOfDemoGyms(
  baseUrl: string,
): Promise<{ token: string; gymIds: string[] } | null> {
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_SETTER),
  });
  if (!login.ok) return null;
  const { token } = (await login.json()) as AuthResponse;
  const mine = await fetch(`${baseUrl}/me/gyms`, { headers: { authorization: `Bearer ${token}` } });
  const { gyms } = JSON.parse(await expectOk(mine, 'my gyms')) as {
    gyms: { id: string; myRole: string | null }[];
  };
  const gymIds = gyms.filter((g) => g.myRole !== null).map((g) => g.id);
  return gymIds.length > 0 ? { token, gymIds } : null;
}

const jsonPost = (user: BenchUser, body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
  body,
});

/** One `POST /sessions/sync/bulk` with an already serialized body. */
export async function postBulk(
  baseUrl: string,
  user: BenchUser,
  body: string,
): Promise<BulkResponse> {
  const res = await fetch(`${baseUrl}/sessions/sync/bulk`, jsonPost(user, body));
  return JSON.parse(await expectOk(res, 'bulk')) as BulkResponse;
}

/** One `POST /sessions/offline` with an already serialized snapshot. */
export async function postOffline(
  baseUrl: string,
  user: BenchUser,
  body: string,
): Promise<OfflineResponse> {
  const res = await fetch(`${baseUrl}/sessions/offline`, jsonPost(user, body));
  return JSON.parse(await expectOk(res, 'offline')) as OfflineResponse;
}
