import { randomUUID } from 'node:crypto';
import {
  authResponseSchema,
  gymResponseSchema,
  climbsResponseSchema,
  layoutsResponseSchema,
  sessionsPageSchema,
  statsResponseSchema,
} from '@sendlog/contract';
import type { Climb, Gym, Layout, Session, StatsResponse } from '@sendlog/contract';

/** The demo gym's link (apps/server/src/demo/gym.ts): the stories' accounts climb there. */
export const DEMO_GYM_SLUG = 'sendlog-demo';
/** The second demo gym's. */
export const SECOND_DEMO_GYM_SLUG = 'boulderwerk-zurich';

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

  const authorized = (token: string, method: string): RequestInit => ({
    method,
    headers: { authorization: `Bearer ${token}` },
  });

  return {
    /**
     * A new account, following the demo gym (as a climber who found it on first run) unless told
     * `follow: null`, or another gym's slug.
     */
    async register(
      options: { follow?: string | null } = {},
    ): Promise<{ email: string; password: string; token: string }> {
      const email = `climber-${randomUUID()}@example.com`;
      const password = 'sendlog-story';
      const { token } = authResponseSchema.parse(await post('/auth/register', { email, password }));
      const follow = options.follow === undefined ? DEMO_GYM_SLUG : options.follow;
      if (follow !== null) await this.follow(token, follow);
      return { email, password, token };
    },
    /** A gym by id or slug. */
    async gym(idOrSlug: string): Promise<Gym> {
      return gymResponseSchema.parse(await call(`/gyms/${idOrSlug}`)).gym;
    },
    async follow(token: string, idOrSlug: string): Promise<void> {
      const { id } = await this.gym(idOrSlug);
      await call(`/me/gyms/${id}`, authorized(token, 'PUT'));
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
