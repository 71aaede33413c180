import type { Gym, GymResponse } from '@sendlog/contract';
import { afterAll, beforeAll, expect } from 'vitest';
import { SERVER_START_TIMEOUT, type Backend } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';

/*
 * What the gyms-*.test.ts files share: the app on a fresh database with the demo gym and four more
 * made by a server admin (one archived), and the shortcut to a gym's staff. One suite once; split
 * by what each file tests so that no file runs over 400 lines (issue 19).
 */

export type Api = ReturnType<typeof client>;
export type SignedIn = Awaited<ReturnType<AppWithDatabase['signedIn']>>;

/*
 * The app, its server admin and an anonymous caller of the `describe` block running now. Live
 * bindings: `useGymsApp` sets them before that block's tests run, so the test bodies read as they
 * did in the single suite.
 */
export let t: AppWithDatabase;
export let admin: SignedIn;
export let anon: Api;
/** Gyms this suite made, by name. */
export const made: Record<string, Gym> = {};

/** Opens the app on `backend` and makes the gyms before the enclosing block's tests. */
export function useGymsApp(backend: Backend): void {
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    admin = await t.signedIn('admin');
    anon = client(t.app);
    for (const body of [
      { name: 'Boulderwerk', city: 'Zürich', country: 'CH', timeZone: 'Europe/Zurich' },
      { name: 'Kraków Bouldering', city: 'Kraków', timeZone: 'Europe/Warsaw', gradeSystem: 'Font' },
      { name: 'Zurich Heights', slug: 'heights', timeZone: 'Europe/Zurich' },
      { name: 'Closed Hall', city: 'Zürich', timeZone: 'Europe/Zurich' },
    ]) {
      const res = await admin.api.post<GymResponse>('/gyms', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      made[body.name] = res.body.gym;
    }
    const closed = made['Closed Hall']!;
    expect((await admin.api.patch(`/gyms/${closed.id}`, { archived: true })).status).toBe(200);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());
}

/** A new account made `role` of `gym` by the server admin. */
export async function staffOf(gym: { id: string }, role: 'admin' | 'setter'): Promise<SignedIn> {
  const account = await t.signedIn('climber');
  const res = await admin.api.put(`/gyms/${gym.id}/staff`, { email: account.email, role });
  expect(res.status).toBe(200);
  return account;
}
