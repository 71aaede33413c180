import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { convertGrade, DEMO_ACCOUNT } from '@sendlog/contract';
import { EXPORT_CSV_COLUMNS } from '@sendlog/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The logbook in the browser (the web export on the real server, as in e2e/stories.test.ts): a
 * session's summary, a climb's story (what the climb is, and Log from it), Remove and Delete in a
 * ⋯ menu with one Undo, the grade system and the export, all read from the device, so offline
 * too. The numbered stories are issue 25's points.
 */

const hasChromium = chromiumForStories('the logbook story');

const STORY_TIMEOUT = 180_000;
const PHONE_844 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } as const;

/** Every scrolled area of the page back to its top, as the screen opens. */
const scrollToTop = (page: Page) =>
  page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      if (el.scrollTop > 0) el.scrollTop = 0;
    }
  });
const SYNC_WAIT = { timeout: 45_000 };

describe.skipIf(!hasChromium)('logbook stories', () => {
  let stage: StoryStage;
  let layout: { id: string; name: string };

  beforeAll(async () => {
    stage = await startStoryStage();
    layout = stage.demoWall.layout;
  }, 300_000);

  afterAll(() => stage?.close());

  const climb = (i: number) => stage.demoClimb(i);

  it(
    'summary, story, delete with Undo, Font grades and the CSV export, offline first',
    async () => {
      const { page, context, errors } = await stage.open({ acceptDownloads: true });
      const app = climber(page);
      await app.signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const token = await stage.api.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      const before = await stage.api.sessions(token);
      const [worked, flashed] = [climb(0), climb(1)];
      const notes = 'crux, "sharp" crimp — Überhang 頂上 🧗';

      // Two sessions logged offline; the first one's summary shows as it ends.
      await context.setOffline(true);
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session' }).click();
      await app.logRoute(worked.name, { sent: false, attempts: 3, notes });
      await app.logRoute(flashed.name, { sent: true, attempts: 1, quality: 5 });
      await page.getByRole('button', { name: 'End session' }).click();
      const summary = page.getByRole('heading', { name: 'Session summary' });
      await summary.waitFor();
      for (const text of ['2 climbs', '1 send', '1 flash', '4 attempts']) {
        await page.getByText(text, { exact: true }).waitFor();
      }
      await page
        .getByText(`Hardest send: ${flashed.grade} · ${flashed.name}`, { exact: true })
        .waitFor();
      await screenshot(page, 'summary');
      await checkAccessibility(page, 'session summary');
      await page.getByRole('button', { name: 'Dismiss summary' }).click();
      await summary.waitFor({ state: 'detached' });

      await app.openTab('Walls');
      await page.getByRole('button', { name: 'Start session' }).click();
      await app.logRoute(worked.name, { sent: true, attempts: 2 });
      await page.getByRole('button', { name: 'End session' }).click();
      await summary.waitFor();
      for (const text of ['1 climb', '1 send', '0 flashes', '2 attempts']) {
        await page.getByText(text, { exact: true }).waitFor();
      }
      await page.getByRole('button', { name: 'Dismiss summary' }).click();

      // The climb's story, offline: both tries, newest first.
      await app.openTab('Walls');
      await app.pickClimb(worked.name);
      await page.getByRole('button', { name: `Story of ${worked.name}`, exact: true }).click();
      await page.getByText(/^First logged on /).waitFor();
      const tries = page.getByRole('group', { name: /^Route on / });
      await expect.poll(() => tries.count()).toBe(2);
      await tries.nth(0).getByText('Sent · 2 attempts').waitFor();
      await tries.nth(1).getByText('Not sent · 3 attempts').waitFor();
      await tries.nth(1).getByText(notes).waitFor();
      await page.getByText(/^Sent on /).waitFor();
      await checkAccessibility(page, 'climb story');
      expect(await stage.api.sessions(token)).toHaveLength(before.length);

      // Online, both sync; the newer one is deleted, brought back by Undo, then deleted for good.
      await context.setOffline(false);
      await expect
        .poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT)
        .toBe(before.length + 2);
      await app.openTab('History');
      // Delete waits in each card's ⋯ menu.
      const menus = page.getByRole('button', { name: `More for ${layout.name}, ` });
      const deleteFirst = async () => {
        await menus.first().click();
        await page.getByRole('button', { name: `Delete ${layout.name}, ` }).click();
      };
      await expect.poll(() => menus.count(), SYNC_WAIT).toBe(2);
      await deleteFirst();
      await page.getByText(/^Deleted /).waitFor();
      await expect.poll(() => menus.count()).toBe(1);
      await page.getByRole('button', { name: 'Undo delete', exact: true }).click();
      await expect.poll(() => menus.count()).toBe(2);
      await page
        .getByRole('link', { name: /hardest/ })
        .first()
        .waitFor();
      await deleteFirst();
      await expect.poll(() => menus.count()).toBe(1);
      await expect
        .poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT)
        .toBe(before.length + 1);
      const kept = (await stage.api.sessions(token)).filter(
        (s) => !before.some((b) => b.id === s.id),
      );
      expect(kept[0]?.routes.map((r) => [r.climbName, r.isSuccess, r.attempts])).toEqual([
        [worked.name, false, 3],
        [flashed.name, true, 1],
      ]);

      // Font on Profile: History shows Font grades at once.
      const fontGrade = convertGrade(flashed.grade, 'Font') ?? flashed.grade;
      await page.getByText(`hardest ${flashed.grade}`, { exact: false }).first().waitFor();
      await app.openTab('Profile');
      await page.getByRole('radio', { name: 'Font (6A)' }).click();
      await expect
        .poll(() => page.getByRole('radio', { name: 'Font (6A)' }).isChecked())
        .toBe(true);
      await checkAccessibility(page, 'profile with grades and export');
      await app.openTab('History');
      await page.getByText(`hardest ${fontGrade}`, { exact: false }).first().waitFor();

      // The CSV export, built on the device, matches what was logged.
      await app.openTab('Profile');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export my logbook as CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^sendlog-\d{4}-\d\d-\d\d\.csv$/);
      await page
        .getByText(/2 routes from 1 session\.$/)
        .first()
        .waitFor();
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(EXPORT_CSV_COLUMNS.join(','));
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(
        rows.map((r) => [r.wall, r.climb_name, r.route_grade, r.ascent_type, r.attempts, r.notes]),
      ).toEqual([
        [layout.name, worked.name, worked.grade, 'attempt', '3', notes],
        [layout.name, flashed.name, flashed.grade, 'flash', '1', ''],
      ]);
      expect(rows[1]?.stars).toBe('5');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    "(5) a climb's story: its colour, its spot on the picture, setter and day, the community, and Log into the session, offline",
    async () => {
      const account = await stage.api.register();
      const { page, context, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout } = stage.demoWall;
      const climb = stage.demoClimb(6);
      if (!climb.position || !climb.setter || !layout.image)
        throw new Error('the demo climb is not placed, or has no setter, or its wall no picture');
      // The wall's picture kept on the phone, and the app by its service worker: then offline.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.waitForFunction(
        async (url) =>
          (await (await caches.open('sendlog-wall-pictures')).keys()).some((r) =>
            r.url.endsWith(url),
          ),
        layout.image.url,
        { timeout: 45_000 },
      );
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      await context.setOffline(true);
      await app.pickClimb(climb.name);
      await page.getByRole('button', { name: `Story of ${climb.name}`, exact: true }).click();
      await page.getByRole('heading', { name: `${climb.grade} · ${climb.name}` }).waitFor();

      const percent = (v: number) => `${Math.round(v * 100)}%`;
      const spot = page.getByRole('img', {
        name: `${climb.name} on the ${layout.name} picture: ${percent(climb.position.x)} across, ${percent(climb.position.y)} down`,
        exact: true,
      });
      await spot.waitFor();
      // The crop shows the picture (the phone's copy, offline) with the climb's dot inside it.
      await expect
        .poll(() => spot.evaluate((el) => (el.querySelector('img')?.naturalWidth ?? 0) > 0))
        .toBe(true);
      const [frame, dot] = await Promise.all([
        spot.boundingBox(),
        spot.getByText(climb.grade, { exact: false }).first().boundingBox(),
      ]);
      if (!frame || !dot) throw new Error('no crop or no dot in it');
      expect(dot.x).toBeGreaterThanOrEqual(frame.x);
      expect(dot.x + dot.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(dot.y).toBeGreaterThanOrEqual(frame.y);
      expect(dot.y + dot.height).toBeLessThanOrEqual(frame.y + frame.height);
      await page.getByText(new RegExp(`^Set by ${climb.setter} on .*2026$`)).waitFor();
      await page
        .getByText(
          climb.community.climbers === 0 ? /^No climber has logged it yet\.$/ : /by \d+ climbers?$/,
        )
        .waitFor();
      await checkAccessibility(page, 'climb story with its spot and Log');

      // Log from the story, offline, into the session running.
      await page.getByRole('button', { name: `Log ${climb.name}`, exact: true }).click();
      await page.getByRole('radio', { name: 'Not sent', exact: true }).click();
      await page.getByLabel('Attempts', { exact: true }).fill('2');
      await page.getByRole('button', { name: 'Save route', exact: true }).click();
      await page
        .getByText(`Logged ${climb.name} in the session running.`, { exact: true })
        .waitFor();
      await page.getByRole('group', { name: /^Route on / }).waitFor();
      await scrollToTop(page);
      await screenshot(page, 'climb-story');
      await page.goBack();
      await page.getByRole('button', { name: /^1 logged this session/ }).waitFor();
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      await page.getByRole('heading', { name: 'Session summary' }).waitFor();
      expect(await stage.api.sessions(account.token)).toHaveLength(0);
      await context.setOffline(false);
      await expect
        .poll(
          async () =>
            (await stage.api.sessions(account.token)).flatMap((s) =>
              s.routes.map((r) => [r.climbName, r.isSuccess, r.attempts]),
            ),
          { timeout: 45_000 },
        )
        .toEqual([[climb.name, false, 2]]);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(11) Remove and Delete wait in a ⋯ menu with one Undo; the Progress switch is labelled; tab icons are silent',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open(PHONE_844);
      const app = climber(page);
      await app.signIn(account.email, account.password);
      const { layout } = stage.demoWall;
      const [kept, removed] = [0, 1].map((i) => stage.demoClimb(i).name) as [string, string];

      // The tabs are named by their labels alone; their icons (Feather) are drawn but silent.
      expect(await page.getByRole('tab').allInnerTexts()).toHaveLength(4);
      for (const name of ['Walls', 'History', 'Progress', 'Profile'])
        await page.getByRole('tab', { name, exact: true }).waitFor();
      await expect.poll(() => page.evaluate(() => document.fonts.check('24px feather'))).toBe(true);
      const icons = await page.evaluate(
        () => [...document.querySelectorAll('[role="tab"] [aria-hidden="true"]')].length,
      );
      expect(icons).toBeGreaterThanOrEqual(4);

      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session', exact: true }).click();
      for (const name of [kept, removed])
        await page.getByRole('button', { name: `Sent: ${name}`, exact: true }).click();
      await app.openLogged();
      const sheet = page.getByRole('dialog', { name: 'Logged this session' });
      // No red Remove on every route: it waits in the route's ⋯ menu.
      expect(await sheet.getByRole('button', { name: /^Remove / }).count()).toBe(0);
      await sheet.getByRole('button', { name: `More for ${removed}`, exact: true }).click();
      await sheet.getByRole('button', { name: `Remove ${removed}`, exact: true }).click();
      await sheet.getByText(`Removed ${removed}.`, { exact: true }).waitFor();
      expect(await sheet.getByLabel(/^Route /).count()).toBe(1);
      await checkAccessibility(page, 'logged sheet, a route removed, with Undo');
      await sheet.getByRole('button', { name: 'Undo remove', exact: true }).click();
      await sheet.getByLabel(`Route ${removed}`, { exact: true }).waitFor();
      await app.closeLogged();

      // History: Delete in the card's ⋯ menu, the same strip with Undo.
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      await page.getByRole('button', { name: 'Dismiss summary', exact: true }).click();
      const cards = page.getByRole('link', { name: new RegExp(`^${layout.name}`) });
      await expect.poll(() => cards.count()).toBe(1);
      expect(await page.getByRole('button', { name: /^Delete / }).count()).toBe(0);
      await page.getByRole('button', { name: new RegExp(`^More for ${layout.name}, `) }).click();
      await page.getByRole('button', { name: new RegExp(`^Delete ${layout.name}, `) }).click();
      await page.getByText(new RegExp(`^Deleted ${layout.name}, `)).waitFor();
      await expect.poll(() => cards.count()).toBe(0);
      await checkAccessibility(page, 'history, a session deleted, with Undo');
      await page.getByRole('button', { name: 'Undo delete', exact: true }).click();
      await expect.poll(() => cards.count()).toBe(1);
      await expect
        .poll(async () => (await stage.api.sessions(account.token)).map((s) => s.routes.length), {
          timeout: 45_000,
        })
        .toEqual([2]);

      // Progress: the grade switch says what it switches.
      await page.getByRole('tab', { name: 'Progress', exact: true }).click();
      await page.getByText('Count climbs at', { exact: true }).waitFor();
      await page.getByRole('radiogroup', { name: 'Count climbs at' }).waitFor();
      await checkAccessibility(page, 'progress with its labelled switch');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
