import { DEMO_SETTER } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { hasChromium, LAPTOP, PHONE_844, STORY_TIMEOUT } from './support/atTheWall.js';
import { sharedStoryStage } from './support/stage.js';

/*
 * At the wall without a phone's touch: a setter on a laptop, and a climber by keyboard alone.
 */

/** What the focused element is called: its accessible name as the page gives it, or its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(body)';
    return `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
  });

/** Presses Tab until the focused element is `name`, at most `max` times; the Tabs it took. */
async function tabTo(page: Page, name: string, max: number, seen: string[] = []): Promise<number> {
  for (let tabs = 1; tabs <= max; tabs += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (now.endsWith(`:${name}`)) return tabs;
  }
  throw new Error(`"${name}" not reached in ${max} Tabs: ${seen.join(' → ')}`);
}

describe.skipIf(!hasChromium)('at the wall', () => {
  const stage = sharedStoryStage();

  it(
    '(9) a laptop gets a side navigation, content of a readable width, walls in a grid, Manage a tab',
    async () => {
      const { page, errors } = await stage.open(LAPTOP);
      const app = climber(page);
      await app.signIn(DEMO_SETTER.email, DEMO_SETTER.password);
      // The walls of the gym the setter is staff of, as the app lists them.
      const setterToken = await stage.api.login(DEMO_SETTER.email, DEMO_SETTER.password);
      const walls = (await stage.api.layouts(setterToken)).filter((l) => !l.archived);
      const cards = await Promise.all(
        walls.map((w) => page.getByRole('link', { name: w.name, exact: true }).boundingBox()),
      );
      const nav = await page.getByRole('navigation').boundingBox();
      const manage = page.getByRole('tab', { name: 'Manage walls', exact: true });
      if (!nav || cards.some((c) => c === null)) throw new Error('no navigation or no wall card');
      console.log(
        `[figure] laptop: navigation at x ${Math.round(nav.x)}, ${Math.round(nav.width)} × ` +
          `${Math.round(nav.height)} px; wall cards at ${cards.map((c) => `(${Math.round(c?.x ?? 0)}, ${Math.round(c?.y ?? 0)})`).join(', ')}`,
      );
      // Beside the content, the window's height, not a bar along the bottom.
      expect(nav.x).toBe(0);
      expect(nav.height).toBeGreaterThan(700);
      // Two walls side by side, neither wider than half the readable width.
      expect(cards[0]?.y).toBeCloseTo(cards[1]?.y ?? 0, 0);
      const main = await page.getByRole('main').filter({ visible: true }).boundingBox();
      const widest = await page.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll<HTMLElement>('[role="main"] *')]
            .filter((el) => el.getBoundingClientRect().height > 0 && el.children.length > 0)
            .filter((el) => getComputedStyle(el).maxWidth === '960px')
            .map((el) => el.getBoundingClientRect().width),
        ),
      );
      expect(widest).toBeLessThanOrEqual(960);
      expect(main?.width ?? 0).toBeGreaterThan(960);
      await screenshot(page, 'laptop');
      await checkAccessibility(page, 'walls on a laptop');

      await manage.click();
      await page.getByRole('button', { name: 'New wall', exact: true }).waitFor();
      await checkAccessibility(page, 'manage on a laptop');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(8) keyboard only: one stop per wall, Start session within 10 Tabs of a wall opening, then a send',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout, climbs } = stage.demoWall;
      // The walls of the gym the new climber follows, as the app lists them.
      const walls = (await stage.api.layouts(account.token)).filter((l) => !l.archived);

      // The walls: after the heading, one stop per wall.
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Walls' }).focus();
      const stops: string[] = [];
      for (let i = 0; i < walls.length; i += 1) {
        await page.keyboard.press('Tab');
        stops.push(await focused(page));
      }
      console.log(`[figure] Tab stops after the walls' heading: ${stops.join(' → ')}`);
      expect(stops.map((stop) => stop.replace(/^\w+:/, ''))).toEqual(walls.map((w) => w.name));

      // A wall opened from the keyboard: focus on its heading, Start session a few Tabs on.
      await page.getByRole('link', { name: layout.name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Start session', exact: true }).waitFor();
      await expect.poll(() => focused(page)).toMatch(new RegExp(`^h1:`));
      const seen: string[] = [];
      const toStart = await tabTo(page, 'Start session', 10, seen);
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Session in progress' }).waitFor();
      // Past the picture in one stop, then the first climb's "Sent".
      const first = climbs[0]?.name ?? '';
      const toSkip = await tabTo(page, 'Skip to the climbs', 10, seen);
      await page.keyboard.press('Enter');
      const toSent = await tabTo(page, `Sent: ${first}`, 10, seen);
      await page.keyboard.press('Enter');
      await page.getByText(`Logged ${first}: Flash · 1 attempt`, { exact: true }).waitFor();
      const total = toStart + toSkip + toSent;
      console.log(
        `[figure] keyboard: Start session ${toStart} Tabs after the wall opens; a send ` +
          `${toSkip + toSent} Tabs and 2 Enters more; ${total} Tabs in all (${seen.join(' → ')})`,
      );
      expect(toStart).toBeLessThanOrEqual(10);
      expect(total).toBeLessThanOrEqual(15);

      // The grades are one stop: the arrow keys choose among them.
      await page.getByRole('radio', { name: 'All grades', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      const v0 = page.getByRole('radio', { name: 'V0', exact: true });
      await expect.poll(() => v0.getAttribute('aria-checked')).toBe('true');
      expect(await focused(page)).toBe('div:V0');
      await page.keyboard.press('ArrowLeft');
      await expect
        .poll(() => page.getByRole('radio', { name: 'All grades' }).getAttribute('aria-checked'))
        .toBe('true');

      // The ring on the green "Sent" is thick and dark, set off by a white gap.
      await page.getByRole('button', { name: `Sent: ${first}`, exact: true }).focus();
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return {
          width: style.outlineWidth,
          color: style.outlineColor,
          offset: style.outlineOffset,
        };
      });
      expect(ring).toEqual({ width: '3px', color: 'rgb(29, 35, 48)', offset: '2px' });
      await screenshot(page, 'keyboard-focus');
      await checkAccessibility(page, 'wall, by keyboard');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
