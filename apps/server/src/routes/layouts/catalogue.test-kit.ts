import { readFileSync } from 'node:fs';
import type { ClimbResponse, LayoutResponse } from '@sendlog/contract';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_LAYOUTS } from '../../demo/gym.js';
import { SERVER_START_TIMEOUT, type Backend } from '../../testing/index.js';
import { appWithDatabase, type AppWithDatabase } from '../../testing/app-with-database.js';
import { client } from '../../testing/client.js';

/*
 * What the catalogue-*.test.ts files share: the app on a fresh database with the demo gym, its
 * setter and an anonymous caller, the pictures, and the setter's shortcuts. One suite once; split
 * by what each file tests so that no file runs over 400 lines (issue 19).
 */

const picture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../catalogue/test-pictures/${name}`, import.meta.url)));
export const JPEG = picture('tiny.jpg');
export const PNG = picture('tiny.png');
export const WEBP = picture('tiny.webp');
export const TRUNCATED_JPEG = picture('truncated.jpg');
export const NOT_A_PICTURE = picture('not-a-picture.jpg');
export const MAIN_WALL = DEMO_LAYOUTS[0]!.id;
export const UNKNOWN = '00000000-0000-4000-8000-000000000000';

export type Api = ReturnType<typeof client>;

/*
 * The app, the demo setter and an anonymous caller of the `describe` block running now. Live
 * bindings: `useCatalogueApp` sets them before that block's tests run, so the test bodies read as
 * they did in the single suite.
 */
export let t: AppWithDatabase;
export let setter: Api;
export let anon: Api;

/** Opens the app on `backend` before the enclosing block's tests and closes it after. */
export function useCatalogueApp(backend: Backend): void {
  beforeAll(async () => {
    t = await appWithDatabase(backend);
    setter = await t.demoSetter();
    anon = client(t.app);
  }, SERVER_START_TIMEOUT);
  afterAll(() => t?.close());
}

export const etagOf = async (url: string) => (await anon.get(url)).headers.etag as string;
export const newLayout = async (gradeSystem: 'V' | 'Font', name = `Wall ${gradeSystem}`) => {
  const res = await setter.post<LayoutResponse>('/layouts', { name, gradeSystem });
  expect(res.status).toBe(201);
  return res.body.layout;
};
export const newClimb = async (layoutId: string, body: Record<string, unknown>) => {
  const res = await setter.post<ClimbResponse>(`/layouts/${layoutId}/climbs`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.climb;
};
