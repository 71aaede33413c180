import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNT } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';
import { pngSize } from './support/png.js';

/*
 * Browser stories: the Expo web export served by the real server (in-process, embedded database,
 * demo mode, as `npm start` runs it), driven in Debian's Chromium through playwright-core.
 */

const hasChromium = chromiumForStories('the browser stories');

const STORY_TIMEOUT = 120_000;
/** The app syncs by itself: NetInfo notices the network, the engine pushes. */
const SYNC_WAIT = { timeout: 45_000 };

describe.skipIf(!hasChromium)('browser stories', () => {
  let stage: StoryStage;
  let layout: { id: string; name: string };

  beforeAll(async () => {
    stage = await startStoryStage();
    layout = stage.demoWall.layout;
  }, 300_000);

  afterAll(() => stage?.close());

  const climbName = (i: number) => stage.demoClimb(i).name;

  it(
    '(1) logs a whole session offline, which syncs by itself when the network returns',
    async () => {
      const { page, context, errors } = await stage.open();
      const app = climber(page);
      await page.getByLabel('Email', { exact: true }).waitFor();
      await checkAccessibility(page, 'sign in');
      await app.signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      await screenshot(page, 'layouts');
      await checkAccessibility(page, 'layouts');
      const token = await stage.api.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      const before = (await stage.api.sessions(token)).length;
      // As on a phone that had the app open for a moment: its service worker keeps the app.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      await context.setOffline(true);
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session' }).waitFor();
      await checkAccessibility(page, 'layout');
      await page.getByRole('button', { name: 'Start session' }).click();
      await page.getByText('Offline · saved on this phone').waitFor();
      await app.logRoute(climbName(0), { sent: true, attempts: 1, quality: 4 });
      await app.logRoute(climbName(1), { sent: false, attempts: 3, notes: 'crux crimp is sharp' });
      await checkAccessibility(page, 'layout with an active session');
      await app.openLogged();
      await page.getByLabel('Session notes', { exact: true }).fill('evening session, fingers ok');
      await screenshot(page, 'layout-detail');
      await checkAccessibility(page, 'the logged routes of an active session');
      await app.closeLogged();
      await page.getByRole('button', { name: 'End session' }).click();

      await page.getByText('⏳ Pending sync').waitFor();
      await screenshot(page, 'history-pending');
      await checkAccessibility(page, 'history');
      expect(await stage.api.sessions(token)).toHaveLength(before);

      await context.setOffline(false);
      await page
        .getByText('Synced', { exact: true })
        .filter({ visible: true })
        .first()
        .waitFor(SYNC_WAIT);
      await expect
        .poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT)
        .toBe(before + 1);
      const stored = (await stage.api.sessions(token)).find(
        (s) => s.notes === 'evening session, fingers ok',
      );
      expect(
        stored?.routes.map((r) => [r.climbName, r.isSuccess, r.attempts, r.notes, r.rating]),
      ).toEqual([
        [climbName(0), true, 1, null, 4],
        [climbName(1), false, 3, 'crux crimp is sharp', null],
      ]);
      expect(await page.getByText('⏳ Pending sync').count()).toBe(0);

      await app.openTab('Profile');
      await page.getByText('Sessions pending sync: 0').waitFor();
      await screenshot(page, 'profile');
      await checkAccessibility(page, 'profile');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(2) a session the server rejects shows "Sync failed" with the reason, is edited, then syncs',
    async () => {
      const account = await stage.api.register();
      // page.route sees every request only while no service worker stands between.
      const { page, errors } = await stage.open({ serviceWorkers: 'block' });
      const app = climber(page);
      // The first upload names a climb the server does not know (as a catalogue from another gym
      // would): the real server rejects it. Later uploads leave the device unchanged.
      let tampered = false;
      await page.route('**/sessions/sync/bulk', async (route) => {
        const body = route.request().postDataJSON() as {
          sessions: { routes: { climbId: string }[] }[];
        };
        const first = body.sessions[0]?.routes[0];
        if (tampered || !first) return route.continue();
        tampered = true;
        first.climbId = randomUUID();
        return route.continue({ postData: JSON.stringify(body) });
      });
      await app.signIn(account.email, account.password);
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session' }).click();
      await app.logRoute(climbName(2), { sent: true, attempts: 2 });
      await page.getByRole('button', { name: 'End session' }).click();

      await page.getByText('Sync failed', { exact: true }).waitFor(SYNC_WAIT);
      await page
        .getByText(/Refused by the server: climbId of ".+" does not name a known climb/)
        .waitFor();
      await screenshot(page, 'history-sync-failed');
      await checkAccessibility(page, 'history with a failed sync');
      expect(await stage.api.sessions(account.token)).toHaveLength(0);

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('button', { name: `Edit ${climbName(2)}`, exact: true }).click();
      await checkAccessibility(page, 'session detail editing a route');
      await page.getByLabel('Attempts', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Save route', exact: true }).click();
      await page
        .getByText('Synced', { exact: true })
        .filter({ visible: true })
        .first()
        .waitFor(SYNC_WAIT);
      const [stored] = await stage.api.sessions(account.token);
      expect(stored?.routes.map((r) => [r.climbName, r.attempts])).toEqual([[climbName(2), 3]]);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(3) a reload in the middle of a session keeps the active session, online and offline',
    async () => {
      const account = await stage.api.register();
      const { page, context, errors } = await stage.open();
      const app = climber(page);
      await app.signIn(account.email, account.password);
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session' }).click();
      await app.logRoute(climbName(0), { sent: true, attempts: 5 });

      await page.reload();
      await page.getByRole('region', { name: 'Session in progress' }).waitFor();
      await app.openLogged();
      await page.getByLabel(`Route ${climbName(0)}`, { exact: true }).waitFor();
      await app.closeLogged();
      // The reloaded layout has the list of layouts beneath it: the tab goes back there.
      await app.openTab('Walls');
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      await app.openLayout(layout.name);
      await page.getByRole('region', { name: 'Session in progress' }).waitFor();

      // The service worker keeps the app itself, so it opens again with no network at all.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('region', { name: 'Session in progress' }).waitFor();
      await app.logRoute(climbName(1), { sent: true, attempts: 1 });
      await context.setOffline(false);
      await page.getByRole('button', { name: 'End session' }).click();
      await page
        .getByText('Synced', { exact: true })
        .filter({ visible: true })
        .first()
        .waitFor(SYNC_WAIT);
      const [stored] = await stage.api.sessions(account.token);
      expect(stored?.routes.map((r) => [r.climbName, r.attempts])).toEqual([
        [climbName(0), 5],
        [climbName(1), 1],
      ]);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(4) two browsers of one climber converge after both log',
    async () => {
      const account = await stage.api.register();
      const phones = [await stage.open(), await stage.open()];
      for (const [i, phone] of phones.entries()) {
        const app = climber(phone.page);
        await app.signIn(account.email, account.password);
        await app.openLayout(layout.name);
        await phone.page.getByRole('button', { name: 'Start session' }).click();
        await app.logRoute(climbName(i), { sent: true, attempts: i + 1 });
        await phone.page.getByRole('button', { name: 'End session' }).click();
        await phone.page
          .getByText('Synced', { exact: true })
          .filter({ visible: true })
          .first()
          .waitFor(SYNC_WAIT);
      }
      for (const phone of phones) {
        await phone.page.getByRole('button', { name: 'Sync now' }).click();
        await expect
          .poll(() => phone.page.getByText('Synced', { exact: true }).count(), SYNC_WAIT)
          .toBe(2);
        await phone.page
          .getByText(/1 route · 1 send/)
          .nth(1)
          .waitFor();
        expect(phone.errors).toEqual([]);
      }
      await phones[1]?.page
        .getByRole('link', { name: new RegExp(layout.name) })
        .first()
        .click();
      await phones[1]?.page.getByRole('heading', { name: layout.name }).waitFor();
      if (phones[1]) await screenshot(phones[1].page, 'session-detail');
      if (phones[1]) await checkAccessibility(phones[1].page, 'session detail');
      expect(await stage.api.sessions(account.token)).toHaveLength(2);
    },
    STORY_TIMEOUT,
  );

  it(
    '(5) at the wall, offline: a flash and a try cost one click each, a send after tries one more',
    async () => {
      const account = await stage.api.register();
      const { page, context, errors } = await stage.open();
      const app = climber(page);
      await app.signIn(account.email, account.password);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await app.openLayout(layout.name);
      await page.getByRole('button', { name: 'Start session' }).click();
      // Held only on this phone until it ends and syncs; the connection is named beside it.
      await page.getByText('Offline session', { exact: true }).waitFor();
      await page.getByText('Offline · saved on this phone').waitFor();

      // Counted from the climb list of the running session until the route shows as logged.
      let clicks = 0;
      const tap = async (name: string) => {
        clicks += 1;
        await page.getByRole('button', { name, exact: true }).click();
      };
      // The tap's result shows pinned under the session bar, with its Undo.
      const logged = (climb: string, text: RegExp) =>
        page.getByText(new RegExp(`^Logged ${climb}: ${text.source}`)).waitFor();
      const count = async (log: () => Promise<void>) => {
        const before = clicks;
        await log();
        return clicks - before;
      };
      const [flashed, worked, tried] = [climbName(0), climbName(1), climbName(2)];

      const flash = await count(async () => {
        await tap(`Sent: ${flashed}`);
        await logged(flashed, /Flash · 1 attempt/);
      });
      let tries = 0;
      const sendAfterTries = await count(async () => {
        for (tries = 1; tries <= 3; tries += 1) {
          await tap(`Try: ${worked}`);
          await logged(worked, new RegExp(`Not sent · ${tries} attempts?$`));
        }
        await tap(`Sent: ${worked}`);
        // The sending go is one more attempt.
        await logged(worked, /Sent · 4 attempts/);
      });
      const oneTry = await count(async () => {
        await tap(`Try: ${tried}`);
        await logged(tried, /Not sent · 1 attempt$/);
      });
      // The budget is 2 for a flash, 2 + the tries for a send after tries, 1 for a try.
      expect({ flash, sendAfterTries, oneTry }).toEqual({ flash: 1, sendAfterTries: 4, oneTry: 1 });
      expect(sendAfterTries - 3).toBe(1);
      await app.openLogged();
      expect(await page.getByLabel(`Route ${worked}`, { exact: true }).count()).toBe(1);
      await app.closeLogged();

      await page.getByRole('button', { name: `Undo ${tried}`, exact: true }).waitFor();
      await page
        .getByRole('button', { name: `Try: ${tried}`, exact: true })
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'two-tap-row');

      await page.getByRole('button', { name: 'End session' }).click();
      await page.getByText('⏳ Pending sync').waitFor();
      expect(await stage.api.sessions(account.token)).toHaveLength(0);
      await context.setOffline(false);
      await page
        .getByText('Synced', { exact: true })
        .filter({ visible: true })
        .first()
        .waitFor(SYNC_WAIT);
      const stored = await stage.api.sessions(account.token);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.routes.map((r) => [r.climbName, r.isSuccess, r.attempts])).toEqual([
        [flashed, true, 1],
        [worked, true, 4],
        [tried, false, 1],
      ]);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    '(6) installs: a valid web app manifest with its icons, and the app opens offline',
    async () => {
      const { page, context, errors } = await stage.open();
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe('/manifest.webmanifest');
      const response = await fetch(new URL(href ?? '', stage.server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      const manifest = (await response.json()) as {
        name?: string;
        short_name?: string;
        start_url?: string;
        display?: string;
        theme_color?: string;
        background_color?: string;
        icons?: { src: string; sizes: string; type: string }[];
      };
      expect(manifest).toMatchObject({
        name: 'Sendlog',
        short_name: 'Sendlog',
        start_url: '/',
        display: 'standalone',
        theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
        background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      });
      expect(manifest.icons?.map((i) => i.sizes).sort()).toEqual(['192x192', '512x512']);
      for (const icon of manifest.icons ?? []) {
        const image = await fetch(new URL(icon.src, stage.server.url));
        expect(image.headers.get('content-type')).toBe(icon.type);
        const size = pngSize(Buffer.from(await image.arrayBuffer()));
        expect(size && `${size.width}x${size.height}`).toBe(icon.sizes);
      }
      // Chromium's own verdict: nothing in the app keeps it from installing. A story's browser
      // context is off the record ("in-incognito"), where Chromium installs nothing at all.
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);

      // After a first online load the service worker opens the app, manifest included, offline.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      const offlineManifest = await page.evaluate(async () => {
        const kept = await fetch('/manifest.webmanifest');
        return ((await kept.json()) as { name?: string }).name;
      });
      expect(offlineManifest).toBe('Sendlog');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
