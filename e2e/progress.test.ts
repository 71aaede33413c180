import { compareGrades, DEMO_ACCOUNT } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The Progress tab in the browser: computed on the phone from its own sessions, so it shows what
 * was logged offline a minute ago, with the numbers readable as text.
 */

const hasChromium = chromiumForStories('the Progress story');

const STORY_TIMEOUT = 180_000;
const SYNC_WAIT = { timeout: 45_000 };

describe.skipIf(!hasChromium)('the Progress tab', () => {
  let stage: StoryStage;

  beforeAll(async () => {
    stage = await startStoryStage();
  }, 300_000);

  afterAll(() => stage?.close());

  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(name) });
  const chart = (page: Page, name: string) =>
    page.getByRole('img', { name: new RegExp(`^${name}`) });

  /** A layout's climb row buttons, named as a screen reader hears them. */
  async function tap(page: Page, button: string): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
  }

  /** Starts a session on `layout`, from wherever the Layouts tab was left. */
  async function startSession(page: Page, layout: string): Promise<void> {
    await tab(page, 'Walls').click();
    const start = page.getByRole('button', { name: 'Start session', exact: true });
    const link = page.getByRole('link', { name: layout, exact: true });
    await start.or(link).first().waitFor();
    if (!(await start.isVisible())) await link.click();
    await start.click();
    await page.getByText('Offline · saved on this phone').waitFor();
  }

  async function endSession(page: Page): Promise<void> {
    await tap(page, 'End session');
    await page.getByText('⏳ Pending sync').first().waitFor();
  }

  /** The pyramid as its text equivalent reads, in the shape of `GET /stats`. */
  const pyramidOf = (label: string) =>
    [...label.matchAll(/(\w+): (\d+) flashed, (\d+) sent, (\d+) tried only/g)].map(
      ([, grade, flashed, sent, triedOnly]) => ({
        grade: grade ?? '',
        flashed: Number(flashed),
        sent: Number(sent),
        triedOnly: Number(triedOnly),
      }),
    );

  it(
    'shows two sessions logged offline a minute ago: pyramid, period and grade source',
    async () => {
      const { page, context, errors } = await stage.open();
      const app = climber(page);
      await app.signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      const layout = (await stage.api.layouts()).find((l) => l.name === 'Main Wall');
      if (!layout) throw new Error('the demo gym has no Main Wall');
      await page.getByRole('link', { name: layout.name, exact: true }).waitFor();
      // As a phone that had the app open a moment: its service worker keeps the app offline.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);

      // Session 1: Crimp School (V2) flashed; Blue Moon (V4) tried twice; Dyno Mite (V5) tried.
      await startSession(page, layout.name);
      await tap(page, 'Sent: Crimp School');
      await tap(page, 'Try: Blue Moon');
      await tap(page, 'Try: Blue Moon');
      await tap(page, 'Try: Dyno Mite');
      await page.getByText(/^Logged Dyno Mite: /).waitFor();
      await endSession(page);

      // Session 2: Blue Moon sent (tried before: a send, not a flash); Pinch Me (V3) sent after
      // two tries; Slab Happy (V2) flashed, which the climber grades V3.
      await startSession(page, layout.name);
      await tap(page, 'Sent: Blue Moon');
      await tap(page, 'Try: Pinch Me');
      await tap(page, 'Try: Pinch Me');
      await tap(page, 'Sent: Pinch Me');
      await climber(page).pickClimb('Slab Happy');
      await tap(page, 'Log Slab Happy');
      await page.getByRole('radio', { name: 'Sent', exact: true }).click();
      await page.getByLabel('Attempts', { exact: true }).fill('1');
      await page.getByLabel('Your grade', { exact: true }).fill('V3');
      await tap(page, 'Save route');
      await page
        .getByLabel('Route form for Slab Happy', { exact: true })
        .waitFor({ state: 'hidden' });
      await endSession(page);

      // Still offline: Progress reads the phone's own sessions.
      await tab(page, 'Progress').click();
      const pyramid = chart(page, 'Grade pyramid');
      await pyramid.waitFor();
      expect(await pyramid.getAttribute('aria-label')).toBe(
        'Grade pyramid, climbs by best result, hardest first. ' +
          'V5: 0 flashed, 0 sent, 1 tried only; V4: 0 flashed, 1 sent, 0 tried only; ' +
          'V3: 0 flashed, 1 sent, 0 tried only; V2: 2 flashed, 0 sent, 0 tried only.',
      );
      const main = page.getByRole('main').filter({ visible: true });
      await expect.poll(() => main.getByText('Hardest send', { exact: true }).count()).toBe(1);
      expect(await chart(page, 'Activity per week').getAttribute('aria-label')).toMatch(
        /: 2 sessions, 9 attempts, 4 sends\. No sessions in the other 11 weeks\.$/,
      );
      expect(await chart(page, 'Hardest send per week').getAttribute('aria-label')).toMatch(
        /: V4\.$/,
      );
      expect(await chart(page, 'Send rate per grade').getAttribute('aria-label')).toBe(
        'Send rate per grade, hardest first. V5: 0 of 1 routes sent, 0%; ' +
          'V4: 1 of 2 routes sent, 50%; V3: 1 of 1 routes sent, 100%; V2: 2 of 2 routes sent, 100%.',
      );
      await screenshot(page, 'progress');
      await checkAccessibility(page, 'progress');

      // Four weeks: this week is in it too. The radios say which is chosen.
      await page.getByRole('radio', { name: '4 weeks', exact: true }).click();
      expect(
        await page
          .getByRole('radio', { name: '4 weeks', exact: true })
          .getAttribute('aria-checked'),
      ).toBe('true');
      expect(
        await page
          .getByRole('radio', { name: '12 weeks', exact: true })
          .getAttribute('aria-checked'),
      ).toBe('false');
      expect(await chart(page, 'Activity per week').getAttribute('aria-label')).toMatch(
        /^Activity per week, 4 weeks\./,
      );
      expect(await pyramid.getAttribute('aria-label')).toMatch(/V2: 2 flashed, 0 sent/);

      // Own grades: Slab Happy counts at V3, where the climber put it.
      await page.getByRole('radio', { name: 'My grade', exact: true }).click();
      await expect
        .poll(() => pyramid.getAttribute('aria-label'))
        .toBe(
          'Grade pyramid, climbs by best result, hardest first. ' +
            'V5: 0 flashed, 0 sent, 1 tried only; V4: 0 flashed, 1 sent, 0 tried only; ' +
            'V3: 1 flashed, 1 sent, 0 tried only; V2: 1 flashed, 0 sent, 0 tried only.',
        );
      await checkAccessibility(page, 'progress, own grades');

      // Online, the sessions sync, and the server's GET /stats says what the phone said.
      const token = await stage.api.login(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await context.setOffline(false);
      await expect.poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT).toBe(2);
      const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const server = await stage.api.stats(token, { tz, grades: 'own' });
      const byGrade = (a: { grade: string }, b: { grade: string }) =>
        compareGrades(a.grade, b.grade);
      expect([...server.pyramid].sort(byGrade)).toEqual(
        pyramidOf((await pyramid.getAttribute('aria-label')) ?? '').sort(byGrade),
      );
      expect(server).toMatchObject({ sessions: 2, attempts: 9, sends: 4, flashes: 2 });
      expect(server.hardestSend?.climbName).toBe('Blue Moon');
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    'a day at a crag, logged offline with two climbs on no wall, syncs and shows in Progress',
    async () => {
      const account = await stage.api.register();
      const { page, context, errors } = await stage.open();
      await climber(page).signIn(account.email, account.password);
      await page.getByRole('link', { name: 'Main Wall', exact: true }).waitFor();
      await context.setOffline(true);

      await tap(page, 'Log somewhere else');
      await page.getByLabel('Where are you climbing?', { exact: true }).fill('Frankenjura');
      await tap(page, 'Start session');
      await page.getByRole('heading', { name: 'Frankenjura', exact: true }).waitFor();

      /** Adds a climb no wall has, then logs it with the route form. */
      const addClimb = async (name: string, pick: () => Promise<void>, attempts: string) => {
        await tap(page, 'Add a climb not on the wall');
        await page.getByLabel('Climb name', { exact: true }).fill(name);
        await pick();
        await tap(page, 'Next');
        await page.getByLabel('Attempts', { exact: true }).fill(attempts);
        await tap(page, 'Save route');
        await page.getByLabel(`Route ${name}`, { exact: true }).waitFor();
      };
      const radio = (name: string | RegExp) => page.getByRole('radio', { name, exact: true });
      await addClimb(
        'Action Directe',
        async () => {
          await radio('Route').click();
          await page.getByRole('radio', { name: /^Other grade/ }).click();
          await page.getByLabel('Grade as written', { exact: true }).fill('9a');
        },
        '3',
      );
      await addClimb('Roof', () => radio('V5').click(), '1');
      await page
        .getByRole('heading', { name: 'Frankenjura', exact: true })
        .scrollIntoViewIfNeeded();
      await screenshot(page, 'elsewhere');
      await checkAccessibility(page, 'a session elsewhere');
      await tap(page, 'End session');

      // Offline still: both count as tries and sends; only the V5 boulder is in the pyramid.
      await tab(page, 'Progress').click();
      const pyramid = chart(page, 'Grade pyramid');
      await pyramid.waitFor();
      expect(await pyramid.getAttribute('aria-label')).toBe(
        'Grade pyramid, climbs by best result, hardest first. V5: 1 flashed, 0 sent, 0 tried only.',
      );
      expect(await chart(page, 'Activity per week').getAttribute('aria-label')).toMatch(
        /: 1 session, 4 attempts, 2 sends\./,
      );
      await checkAccessibility(page, 'progress with climbs on no wall');

      // Online: the session syncs with its place and climbs, and the server counts the same.
      await context.setOffline(false);
      await expect
        .poll(async () => (await stage.api.sessions(account.token)).length, SYNC_WAIT)
        .toBe(1);
      const [synced] = await stage.api.sessions(account.token);
      expect(synced?.place).toBe('Frankenjura');
      expect(synced?.routes.map((r) => [r.climbId, r.climb])).toEqual([
        [null, { name: 'Action Directe', grade: '9a', kind: 'route' }],
        [null, { name: 'Roof', grade: 'V5', kind: 'boulder' }],
      ]);
      const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const server = await stage.api.stats(account.token, { tz });
      expect(server.pyramid).toEqual(pyramidOf((await pyramid.getAttribute('aria-label')) ?? ''));
      expect(server).toMatchObject({ sessions: 1, tries: 2, attempts: 4, sends: 2, flashes: 1 });
      expect(server.hardestSend).toMatchObject({ grade: 'V5', climbId: null, climbName: 'Roof' });
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    'a new climber gets a way to start instead of a wall of zeros',
    async () => {
      const account = await stage.api.register();
      const { page, errors } = await stage.open();
      await climber(page).signIn(account.email, account.password);
      await tab(page, 'Progress').click();
      await page.getByRole('heading', { name: 'Your progress starts here' }).waitFor();
      expect(await chart(page, 'Grade pyramid').count()).toBe(0);
      await checkAccessibility(page, 'progress, empty');
      await page.getByRole('button', { name: 'Go to walls', exact: true }).click();
      await page.getByRole('link', { name: 'Main Wall', exact: true }).waitFor();
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
