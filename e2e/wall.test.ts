import { DEMO_ACCOUNT } from '@sendlog/contract';
import type { Climb, Layout } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The wall picture in the browser: the web export served by the real server (demo gym, embedded
 * database), in Debian's Chromium, as e2e/stories.test.ts runs it.
 */

const hasChromium = chromiumForStories('the wall story');

const STORY_TIMEOUT = 180_000;
const SYNC_WAIT = { timeout: 45_000 };
/** The Cache Storage the app keeps the pictures in (src/wallPictures/wallPictureCache.ts). */
const PICTURE_CACHE = 'sendlog-wall-pictures';

describe.skipIf(!hasChromium)('the wall picture', () => {
  let stage: StoryStage;
  /** A layout with a picture that the story never opens online. */
  let layout: Layout;
  let climb: Climb;

  beforeAll(async () => {
    stage = await startStoryStage();
    // The demo climber's walls: those of the gym they follow.
    const demo = await stage.api.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    const layouts = (await stage.api.layouts(demo)).filter((l) => l.image && !l.archived);
    const last = layouts[layouts.length - 1];
    if (!last || layouts.length < 2) throw new Error('the demo gym needs two walls with pictures');
    layout = last;
    const placed = (await stage.api.climbs(layout.id)).find((c) => c.position !== null);
    if (!placed) throw new Error(`${layout.name} has no climb placed on its picture`);
    climb = placed;
  }, 300_000);

  afterAll(() => stage?.close());

  /** The wall picture's own <img> (react-native-web adds it once the picture has loaded). */
  const pictureWidth = (page: Page, label: string) =>
    page.evaluate((name) => {
      const img = document.querySelector<HTMLImageElement>(`[aria-label="${name}"] img`);
      return img?.complete ? img.naturalWidth : 0;
    }, label);

  it(
    'a wall never opened online shows offline, its dot logs a send, which syncs',
    async () => {
      const { page, context, errors } = await stage.open();
      const app = climber(page);
      await app.signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      const token = await stage.api.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      const before = (await stage.api.sessions(token)).length;
      // After the catalogue refresh the app keeps every wall's picture, opened or not (the walls
      // of the gym the demo climber follows).
      const pictures = (await stage.api.layouts(token)).filter(
        (l) => l.image && !l.archived,
      ).length;
      await page.waitForFunction(
        async ({ cache, count }) => (await (await caches.open(cache)).keys()).length === count,
        { cache: PICTURE_CACHE, count: pictures },
        { timeout: 30_000 },
      );
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      const label = `${layout.name} picture`;
      const tapped = await page.evaluate(() => performance.now());
      await app.openLayout(layout.name);
      await page.getByRole('img', { name: label, exact: true }).waitFor();
      await page.waitForFunction(
        (name) =>
          (document.querySelector<HTMLImageElement>(`[aria-label="${name}"] img`)?.naturalWidth ??
            0) > 0,
        label,
      );
      expect(await pictureWidth(page, label)).toBeGreaterThan(0);
      const loaded = await page.evaluate(
        (url) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith(url))
            .map((e) => (e as PerformanceResourceTiming).responseEnd)
            .pop() ?? null,
        layout.image?.url ?? '',
      );
      expect(loaded).not.toBeNull();
      const fromTap = Math.round((loaded ?? 0) - tapped);
      const fromReload = Math.round(loaded ?? 0);
      console.log(
        `[figure] picture first paint offline: ${fromTap} ms from the tap on "${layout.name}"` +
          ` (${fromReload} ms from the offline reload's navigation start)`,
      );
      await checkAccessibility(page, 'wall');

      await page.getByRole('button', { name: 'Start session' }).click();
      await page.getByText('Offline · saved on this phone').waitFor();
      const dot = page.getByRole('button', { name: new RegExp(`^${climb.name}, `) });
      await dot.click();
      await page.getByText(`On the wall: ${climb.name}`).waitFor();
      await page.getByRole('button', { name: `Try: ${climb.name}`, exact: true }).click();
      await page.getByRole('button', { name: `Sent: ${climb.name}`, exact: true }).click();
      await page.getByText(`Logged ${climb.name}: Sent · 2 attempts`, { exact: true }).waitFor();
      await screenshot(page, 'wall');
      await checkAccessibility(page, 'wall with a climb picked');
      await page.getByRole('button', { name: 'End session' }).click();
      await page.getByText('⏳ Pending sync').waitFor();

      await context.setOffline(false);
      await expect
        .poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT)
        .toBe(before + 1);
      const stored = (await stage.api.sessions(token)).find((s) =>
        s.routes.some((r) => r.climbName === climb.name),
      );
      expect(stored?.routes.map((r) => [r.climbName, r.isSuccess, r.attempts])).toEqual([
        [climb.name, true, 2],
      ]);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    'on a wide window the picture stands beside the list',
    async () => {
      const { page, errors } = await stage.open({ viewport: { width: 1280, height: 800 } });
      const app = climber(page);
      await app.signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await app.openLayout(layout.name);
      const picture = page.getByRole('img', { name: `${layout.name} picture`, exact: true });
      await picture.waitFor();
      await page.waitForFunction(
        (name) =>
          (document.querySelector<HTMLImageElement>(`[aria-label="${name}"] img`)?.naturalWidth ??
            0) > 0,
        `${layout.name} picture`,
      );
      const search = page.getByLabel('Search climbs', { exact: true });
      const [pictureBox, searchBox] = [await picture.boundingBox(), await search.boundingBox()];
      // Side by side: the list starts right of the picture, not under it.
      expect(searchBox?.x ?? 0).toBeGreaterThan((pictureBox?.x ?? 0) + (pictureBox?.width ?? 0));
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByText('Zoom 150%').waitFor();
      expect((await picture.boundingBox())?.width).toBeCloseTo((pictureBox?.width ?? 0) * 1.5, 0);
      await page.getByRole('button', { name: 'Reset zoom', exact: true }).click();
      await screenshot(page, 'wall-wide');
      await checkAccessibility(page, 'wall, wide window');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
