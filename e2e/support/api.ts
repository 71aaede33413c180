import { randomUUID } from 'node:crypto';
import {
  authResponseSchema,
  climbsResponseSchema,
  layoutsResponseSchema,
  sessionsPageSchema,
  statsResponseSchema,
} from '@sendlog/contract';
import type { Climb, Layout, Session, StatsResponse } from '@sendlog/contract';

/** Talks to the server the stories run against, to set up accounts and check what it stored. */
export function apiClient(baseUrl: string) {
  async function call(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await fetch(baseUrl + path, init);
    if (!response.ok)
      throw new Error(
        `${init.method ?? 'GET'} ${path} → ${response.status}: ${await response.text()}`,
      );
    return response.json();
  }
  const post = (path: string, body: unknown) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  return {
    async register(): Promise<{ email: string; password: string; token: string }> {
      const email = `climber-${randomUUID()}@example.com`;
      const password = 'sendlog-story';
      const { token } = authResponseSchema.parse(await post('/auth/register', { email, password }));
      return { email, password, token };
    },
    async login(email: string, password: string): Promise<string> {
      return authResponseSchema.parse(await post('/auth/login', { email, password })).token;
    },
    /** The walls `GET /layouts` answers: with a token, those of the gyms its account follows. */
    async layouts(token?: string): Promise<Layout[]> {
      const init = token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } };
      return layoutsResponseSchema.parse(await call('/layouts', init)).layouts;
    },
    async climbs(layoutId: string): Promise<Climb[]> {
      return climbsResponseSchema
        .parse(await call(`/layouts/${layoutId}/climbs`))
        .climbs.filter((c) => !c.archived);
    },
    async sessions(token: string): Promise<Session[]> {
      const page = sessionsPageSchema.parse(
        await call('/sessions?limit=200', { headers: { authorization: `Bearer ${token}` } }),
      );
      return page.sessions;
    },
    /** `GET /stats` with these query parameters (`from`, `to`, `tz`, `grades`). */
    async stats(token: string, query: Record<string, string>): Promise<StatsResponse> {
      return statsResponseSchema.parse(
        await call(`/stats?${new URLSearchParams(query).toString()}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    },
  };
}
