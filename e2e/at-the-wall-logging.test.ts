import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, climbRowName, screenshot } from './support/app.js';
import { hasChromium, PHONE_844, STORY_TIMEOUT } from './support/atTheWall.js';
import { sharedStoryStage } from './support/stage.js';

/*
 * At the wall, logging through a session on a phone: the list stays compact, the picture shows
 * what was done, and an ended session can be undone or gain a forgotten climb.
 */

/** Every scrolled area of the page back to its top, as the screen opens. */
const scrollToTop = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      if (el.scrollTop > 0) el.scrollTop = 0;
    }
  });

describe.skipIf(!hasChromium)('at the wall', () => {
  const stage = sharedStoryStage();

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

  it(
    '(2) a climb picked in the list shows on the picture, and the dots show what was done',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout, climbs } = stage.demoWall;
      const [tried, sent, sentBefore, far] = [0, 1, 5, climbs.length - 1].map((i) => {
        const climb = climbs[i];
        if (!climb?.position) throw new Error(`the demo wall's climb #${i} is not placed`);
        return climb;
      }) as [(typeof climbs)[0], (typeof climbs)[0], (typeof climbs)[0], (typeof climbs)[0]];
      const dot = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}, `) });

      // An earlier session sent one climb.
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      await page.getByRole('button', { name: `Sent: ${sentBefore.name}`, exact: true }).click();
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      await page.getByRole('heading', { name: 'Session summary' }).waitFor();
      await app.openTab('Walls');
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      for (let i = 0; i < 2; i += 1) {
        await page.getByRole('button', { name: `Try: ${tried.name}`, exact: true }).click();
      }
      await page.getByRole('button', { name: `Sent: ${sent.name}`, exact: true }).click();
      await expect
        .poll(() => dot(tried.name).getAttribute('aria-label'))
        .toMatch(/, 2 attempts this session, /);
      expect(await dot(sent.name).getAttribute('aria-label')).toMatch(/, sent this session$/);
      expect(await dot(sentBefore.name).getAttribute('aria-label')).toMatch(/, sent before$/);
      await page.getByText('attempts this session', { exact: true }).waitFor();

      // Zoomed in, a climb far down the list: a tap on its row brings its dot into view, marked.
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByRole('button', { name: climbRowName(far.name) }).click();
      await page.getByRole('heading', { name: `On the wall: ${far.name}` }).waitFor();
      const picked = dot(far.name);
      await expect.poll(() => picked.getAttribute('aria-label')).toMatch(/, selected$/);
      await expect
        .poll(async () => {
          const box = await picked.boundingBox();
          return (
            box !== null &&
            box.x >= 0 &&
            box.x + box.width <= 390 &&
            box.y >= 0 &&
            box.y + box.height <= 844
          );
        })
        .toBe(true);
      console.log(
        `[figure] a row tapped ${far.name} at zoom 200%: its dot in view at ` +
          `${JSON.stringify(await picked.boundingBox())}`,
      );
      await checkAccessibility(page, 'wall, a climb picked from the list while zoomed');

      await page.getByRole('button', { name: 'Reset zoom', exact: true }).click();
      await page.getByRole('button', { name: climbRowName(tried.name) }).click();
      await scrollToTop(page);
      await screenshot(page, 'wall-marked');
      await checkAccessibility(page, 'wall with marked dots');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(3) "End session" can be undone, and an ended session gains a forgotten climb, which syncs',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout } = stage.demoWall;
      const [first, second, forgotten] = [0, 1, 2].map((i) => stage.demoClimb(i).name) as [
        string,
        string,
        string,
      ];
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      await page.getByRole('button', { name: `Sent: ${first}`, exact: true }).click();
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      await page.getByText('Session ended.', { exact: true }).waitFor();
      await checkAccessibility(page, 'history, just ended with Undo');
      await page.getByRole('button', { name: 'Undo end session', exact: true }).click();
      await page.getByRole('region', { name: 'Session in progress' }).waitFor();
      await page
        .getByLabel('Elapsed time')
        .getByText(/ · 1 send$/)
        .waitFor();
      await page.getByRole('button', { name: `Sent: ${second}`, exact: true }).click();
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      await page.getByRole('heading', { name: 'Session summary' }).waitFor();
      await page.getByRole('button', { name: 'Open session', exact: true }).click();

      await page.getByRole('button', { name: 'Add a climb', exact: true }).click();
      await page.getByLabel('Find a climb', { exact: true }).fill(forgotten);
      await page.getByRole('button', { name: new RegExp(`^\\S+ ${forgotten}$`) }).click();
      await page.getByRole('radio', { name: 'Not sent', exact: true }).click();
      await page.getByLabel('Attempts', { exact: true }).fill('2');
      await checkAccessibility(page, 'session detail, adding a forgotten climb');
      await page.getByRole('button', { name: 'Save route', exact: true }).click();
      await page.getByLabel(`Route ${forgotten}`, { exact: true }).waitFor();
      await expect
        .poll(
          async () =>
            (await stage.api.sessions(account.token)).flatMap((s) =>
              s.routes.map((r) => [r.climbName, r.isSuccess, r.attempts]),
            ),
          { timeout: 45_000 },
        )
        .toEqual([
          [first, true, 1],
          [second, true, 1],
          [forgotten, false, 2],
        ]);
      expect(await stage.api.sessions(account.token)).toHaveLength(1);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
