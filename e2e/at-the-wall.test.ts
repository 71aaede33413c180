import { DEMO_SETTER } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, climbRowName, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The wall as a climber lives in it through a session, on a 390 × 844 phone, and as a setter
 * sees it on a 1280 × 800 laptop: the web export served by the real server (demo gym, embedded
 * database), in Debian's Chromium. Each story prints its figures as `[figure] …` lines.
 */

const hasChromium = chromiumForStories('the at-the-wall stories');

const STORY_TIMEOUT = 180_000;
const PHONE_844 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } as const;
const LAPTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } as const;

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

  it(
    '(6) one vocabulary: walls, attempts, routes; the "Offline session" tag says what it means',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout } = stage.demoWall;
      const climb = stage.demoClimb(3).name;
      /** Words the glossary retired, on what the screen shows now. */
      const retired = () =>
        page.evaluate(() =>
          (document.body.innerText.match(/\b(layouts?|tries|try on)\b/gi) ?? []).join(', '),
        );
      await page.getByRole('tab', { name: /^Walls/ }).waitFor();
      expect(await retired()).toBe('');
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      await page.getByRole('button', { name: 'Offline session', exact: true }).click();
      await page.getByText(/^Kept on this phone until it syncs/).waitFor();
      for (let i = 0; i < 2; i += 1)
        await page.getByRole('button', { name: `Try: ${climb}`, exact: true }).click();
      await page.getByText('2 attempts so far', { exact: true }).waitFor();
      await page.getByRole('button', { name: `Sent: ${climb}`, exact: true }).click();
      await page.getByText(`Logged ${climb}: Sent · 3 attempts`, { exact: true }).waitFor();
      expect(await retired()).toBe('');
      await app.pickClimb(climb);
      await page.getByRole('button', { name: `Story of ${climb}`, exact: true }).click();
      await page.getByText('1 route · 3 attempts in all · 1 send', { exact: true }).waitFor();
      await page.getByRole('group', { name: /^Route on / }).waitFor();
      expect(await retired()).toBe('');
      await checkAccessibility(page, 'climb story, in the glossary words');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(7) a long paste into notes is cut with a word, and notes show at three lines with "more"',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const climb = stage.demoClimb(4).name;
      await app.openLayout(stage.demoWall.layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      await app.pickClimb(climb);
      await page.getByRole('button', { name: `Log ${climb}`, exact: true }).click();
      const pasted =
        `${'Left hand on the sloper, heel hook right, then the long move. '.repeat(30)}`.slice(
          0,
          1554,
        );
      await page.getByLabel('Route notes', { exact: true }).fill(pasted);
      await page.getByText('Cut to 1,000 characters: 554 left out.', { exact: true }).waitFor();
      await checkAccessibility(page, 'route form, a paste cut at the limit');
      await page.getByRole('button', { name: 'Save route', exact: true }).click();
      await page.getByLabel(`Route form for ${climb}`).waitFor({ state: 'hidden' });
      await app.openLogged();
      const notes = page.getByText(/^Left hand on the sloper/);
      const folded = (await notes.boundingBox())?.height ?? 0;
      await page.getByRole('button', { name: `More of notes on ${climb}`, exact: true }).click();
      const whole = (await notes.boundingBox())?.height ?? 0;
      console.log(
        `[figure] 1,000 characters of notes: ${Math.round(folded)} px folded, ${Math.round(whole)} px whole`,
      );
      // Three lines of 13 px text, then the whole of it.
      expect(folded).toBeLessThanOrEqual(3 * 20);
      expect(whole).toBeGreaterThan(folded * 3);
      await page.getByRole('button', { name: `Less of notes on ${climb}`, exact: true }).click();
      await checkAccessibility(page, 'logged routes with long notes');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

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
