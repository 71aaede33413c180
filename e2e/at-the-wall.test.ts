import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The wall as a climber lives in it through a session, on a 390 × 844 phone, and as a setter
 * sees it on a 1280 × 800 laptop: the web export served by the real server (demo gym, embedded
 * database), in Debian's Chromium. Each story prints its figures as `[figure] …` lines.
 */

const hasChromium = chromiumForStories('the at-the-wall stories');

const STORY_TIMEOUT = 180_000;
const PHONE_844 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } as const;

/** Every scrolled area of the page back to its top, as the screen opens. */
const scrollToTop = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      if (el.scrollTop > 0) el.scrollTop = 0;
    }
  });

describe.skipIf(!hasChromium)('at the wall', () => {
  let stage: StoryStage;

  beforeAll(async () => {
    stage = await startStoryStage();
  }, 300_000);

  afterAll(() => stage?.close());

  it(
    '(1) after 12 logs the first climb row is still on the first screen, and the routes open in a sheet',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout, climbs } = stage.demoWall;
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      const logged = climbs.slice(0, 12);
      expect(logged).toHaveLength(12);
      for (const climb of logged) {
        await page.getByRole('button', { name: `Sent: ${climb.name}`, exact: true }).click();
        await page.getByText(`Logged ${climb.name}: Flash · 1 attempt`, { exact: true }).waitFor();
      }
      await page
        .getByLabel('Elapsed time')
        .getByText(/ · 12 sends$/)
        .waitFor();

      await scrollToTop(page);
      const row = await page.getByTestId('climb-row').first().boundingBox();
      const tabBar = await page.getByRole('navigation').boundingBox();
      if (!row || !tabBar) throw new Error('no climb row or no tab bar on the screen');
      console.log(
        `[figure] after 12 logs the first climb row starts ${Math.round(row.y)} px down and is ` +
          `${Math.round(row.height)} px high, on a screen whose tab bar starts at ${Math.round(tabBar.y)} px`,
      );
      expect(row.y + row.height).toBeLessThanOrEqual(tabBar.y);
      expect(row.height).toBeLessThanOrEqual(64);
      await screenshot(page, 'wall-compact');
      await checkAccessibility(page, 'wall, compact rows after 12 logs');

      await app.openLogged();
      expect(await page.getByLabel(/^Route /).count()).toBe(12);
      await checkAccessibility(page, 'logged this session sheet');
      await app.closeLogged();
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
