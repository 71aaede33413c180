import { convertGrade, compareGrades, DEMO_SETTER } from '@sendlog/contract';
import type { Layout, StatsResponse } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../apps/server/src/users/roles.js';
import { DEMO_GYM_SLUG, SECOND_DEMO_GYM_SLUG } from './support/api.js';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * Many gyms on one server (issue 20), in the browser: a climber of two gyms logs at both offline
 * and reads each in History and Progress (the same numbers as `GET /stats?gymId=`); a setter of
 * one gym finds the other's Manage closed (and the API refuses); a gym admin names a setter by
 * email, who then adds a wall. One server and one browser for the file.
 */

const hasChromium = chromiumForStories('the gyms stories');

const STORY_TIMEOUT = 180_000;
const SYNC_WAIT = { timeout: 45_000 };
/** Manage is laid out for a laptop: its screenshots and checks are taken at this size. */
const LAPTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } as const;

describe.skipIf(!hasChromium)('many gyms on one server', () => {
  let stage: StoryStage;
  let demoGymId: string;
  let secondGymId: string;

  beforeAll(async () => {
    stage = await startStoryStage();
    demoGymId = (await stage.api.gym(DEMO_GYM_SLUG)).id;
    secondGymId = (await stage.api.gym(SECOND_DEMO_GYM_SLUG)).id;
  }, 300_000);

  afterAll(() => stage?.close());

  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(name) });
  const tap = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();
  const pyramid = (page: Page) => page.getByRole('img', { name: /^Grade pyramid/ });

  /** The pyramid as its text equivalent reads, in the shape of `GET /stats`, hardest first. */
  const pyramidOf = (label: string) =>
    [...label.matchAll(/(\w+): (\d+) flashed, (\d+) sent, (\d+) tried only/g)].map(
      ([, grade, flashed, sent, triedOnly]) => ({
        grade: grade ?? '',
        flashed: Number(flashed),
        sent: Number(sent),
        triedOnly: Number(triedOnly),
      }),
    );
  /**
   * The server's pyramid in the grades the app shows (the climber's system, V): a Font 6B and a
   * V4 are one row there, their counts added.
   */
  const inV = (stats: StatsResponse) => {
    const rows = new Map<string, StatsResponse['pyramid'][number]>();
    for (const row of stats.pyramid) {
      const grade = convertGrade(row.grade, 'V') ?? row.grade;
      const kept = rows.get(grade) ?? { grade, flashed: 0, sent: 0, triedOnly: 0 };
      rows.set(grade, {
        grade,
        flashed: kept.flashed + row.flashed,
        sent: kept.sent + row.sent,
        triedOnly: kept.triedOnly + row.triedOnly,
      });
    }
    return [...rows.values()].sort((a, b) => compareGrades(b.grade, a.grade));
  };

  /** A session of `taps` on `wall`, started and ended from the walls tab, offline. */
  async function logSession(page: Page, wall: string, taps: string[]): Promise<void> {
    await tab(page, 'Walls').click();
    // The tab keeps the wall last opened on top of its list: back to the list first.
    const link = page.getByRole('link', { name: wall, exact: true });
    const back = page.getByRole('button', { name: 'Walls, back', exact: true });
    await link.or(back).first().waitFor();
    if (!(await link.isVisible())) await back.click();
    await link.click();
    await tap(page, 'Start session');
    await page.getByText('Offline · saved on this phone').waitFor();
    for (const name of taps) await tap(page, name);
    await tap(page, 'End session');
    await page.getByText('⏳ Pending sync').first().waitFor();
  }

  it(
    'a climber follows a second gym, logs at both offline, and reads each in History and Progress',
    async () => {
      const account = await stage.api.register();
      const { page, context, errors } = await stage.open();
      await climber(page).signIn(account.email, account.password);
      await page.getByRole('link', { name: 'Main Wall', exact: true }).waitFor();

      // Profile → Your gyms: found as typed, accents ignored.
      await tab(page, 'Profile').click();
      await tap(page, 'Your gyms');
      await page.getByLabel('Find another gym', { exact: true }).fill('zurich');
      await tap(page, 'Follow Boulderwerk Zürich');
      await page.getByText('Following', { exact: true }).last().waitFor();
      await screenshot(page, 'gyms-find');
      await checkAccessibility(page, 'your gyms, a gym found');

      // The walls tab groups the two gyms' walls; the new gym's download for offline use.
      await tab(page, 'Walls').click();
      await page.getByRole('heading', { name: 'Boulderwerk Zürich' }).waitFor();
      await page.getByRole('link', { name: 'Slab', exact: true }).waitFor();
      await checkAccessibility(page, 'walls of two gyms');
      await page.getByRole('link', { name: 'Slab', exact: true }).click();
      await page.getByRole('button', { name: /^V3 Gelbe Gefahr,/ }).waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);

      // At the demo gym: Crimp School (V2) flashed, Blue Moon (V4) tried. At Boulderwerk:
      // Gelbe Gefahr (6A, V3 in the app) flashed, Volume Control (6B) tried.
      await logSession(page, 'Main Wall', ['Sent: Crimp School', 'Try: Blue Moon']);
      await logSession(page, 'Slab', ['Sent: Gelbe Gefahr', 'Try: Volume Control']);

      // History, still offline: both sessions, each with its gym; one gym chosen, one session.
      await tab(page, 'History').click();
      const main = page.getByRole('main').filter({ visible: true });
      await expect.poll(() => main.getByText(/^Sendlog demo gym · /).count()).toBe(1);
      expect(await main.getByText(/^Boulderwerk Zürich · /).count()).toBe(1);
      await main.getByRole('radio', { name: 'Boulderwerk Zürich', exact: true }).click();
      await expect.poll(() => main.getByText(/^Sendlog demo gym · /).count()).toBe(0);
      expect(await main.getByText(/^Boulderwerk Zürich · /).count()).toBe(1);
      await checkAccessibility(page, 'history, one gym');

      // Progress: all gyms, then each.
      await tab(page, 'Progress').click();
      await pyramid(page).waitFor();
      const progress = page.getByRole('main').filter({ visible: true });
      const pyramidFor = async (gym: string) => {
        await progress.getByRole('radio', { name: gym, exact: true }).click();
        await expect
          .poll(() =>
            progress.getByRole('radio', { name: gym, exact: true }).getAttribute('aria-checked'),
          )
          .toBe('true');
        return pyramidOf((await pyramid(page).getAttribute('aria-label')) ?? '');
      };
      const phone = {
        all: await pyramidFor('All gyms'),
        demo: await pyramidFor('Sendlog demo gym'),
        second: await pyramidFor('Boulderwerk Zürich'),
      };
      expect(phone.second.map((r) => r.grade)).toEqual(['V4', 'V3']);
      expect(phone.demo.map((r) => r.grade)).toEqual(['V4', 'V2']);
      expect(phone.all).toHaveLength(3);
      await screenshot(page, 'gyms-progress');
      await checkAccessibility(page, 'progress, one gym');

      // Online: the sessions sync, and `GET /stats?gymId=` says what the phone said per gym.
      await context.setOffline(false);
      const token = await stage.api.login(account.email, account.password);
      await expect.poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT).toBe(2);
      const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      const stats = (gymId?: string) =>
        stage.api.stats(token, { tz, grades: 'route', ...(gymId ? { gymId } : {}) });
      const server = {
        all: await stats(),
        demo: await stats(demoGymId),
        second: await stats(secondGymId),
      };
      expect(inV(server.all)).toEqual(phone.all);
      expect(inV(server.demo)).toEqual(phone.demo);
      expect(inV(server.second)).toEqual(phone.second);
      expect(server.second).toMatchObject({ sessions: 1, sends: 1, flashes: 1 });
      expect(server.demo).toMatchObject({ sessions: 1, sends: 1, flashes: 1 });
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    "a setter of one gym cannot reach another gym's Manage, in the app nor through the API",
    async () => {
      const { page, errors } = await stage.open(LAPTOP);
      await climber(page).signIn(DEMO_SETTER.email, DEMO_SETTER.password);
      await page.getByRole('tab', { name: 'Manage walls', exact: true }).waitFor();
      await page.goto(`${stage.server.url}/manage/gym/${secondGymId}`);
      await page.getByRole('heading', { name: 'Not your gym' }).waitFor();
      expect(await page.getByRole('button', { name: 'New wall', exact: true }).count()).toBe(0);
      await checkAccessibility(page, "another gym's Manage");
      // The gym's link (its QR code at the desk) opens its page, with Follow.
      await page.goto(`${stage.server.url}/g/${SECOND_DEMO_GYM_SLUG}`);
      await page.getByRole('button', { name: 'Follow Boulderwerk Zürich', exact: true }).waitFor();
      await checkAccessibility(page, "a gym's link page");

      const token = await stage.api.login(DEMO_SETTER.email, DEMO_SETTER.password);
      const before = await wallsOf(secondGymId);
      const refused = await fetch(`${stage.server.url}/gyms/${secondGymId}/layouts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Not mine', gradeSystem: 'Font' }),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      expect(await wallsOf(secondGymId)).toEqual(before);
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    'a gym admin names a setter by email, who then adds a wall to that gym',
    async () => {
      // The server's operator makes a server admin (`npm run admin -- grant`), who names the
      // gym's admin; from there on the gym runs itself.
      const operator = await stage.api.register();
      expect((await grantRole(stage.server.db, operator.email, 'admin')).ok).toBe(true);
      const gymAdmin = await stage.api.register();
      const named = await fetch(`${stage.server.url}/gyms/${secondGymId}/staff`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: gymAdmin.email, role: 'admin' }),
      });
      expect(named.status).toBe(200);
      // A new account that follows no gym yet: its first run asks for one.
      const setter = await stage.api.register({ follow: null });
      const setterApp = await stage.open(LAPTOP);
      await climber(setterApp.page).signIn(setter.email, setter.password);
      await setterApp.page.getByLabel('Find your gym', { exact: true }).waitFor();
      await checkAccessibility(setterApp.page, 'first run, find your gym');

      const admin = await stage.open(LAPTOP);
      await climber(admin.page).signIn(gymAdmin.email, gymAdmin.password);
      await admin.page.getByRole('tab', { name: 'Manage walls', exact: true }).click();
      await admin.page.getByText('You are an admin here').waitFor();
      await checkAccessibility(admin.page, "a gym admin's Manage");
      await tap(admin.page, 'Gym staff');
      await admin.page.getByLabel('Email', { exact: true }).fill(setter.email.toUpperCase());
      await admin.page.getByRole('radio', { name: 'Setter: walls and climbs' }).click();
      await tap(admin.page, 'Add to staff');
      await admin.page
        .getByRole('button', { name: `Remove ${setter.email} from the staff`, exact: true })
        .waitFor();
      await screenshot(admin.page, 'gym-staff');
      await checkAccessibility(admin.page, 'gym staff');
      await admin.page.goto(`${stage.server.url}/manage/gym/${secondGymId}/details`);
      await admin.page.getByLabel('Gym name', { exact: true }).waitFor();
      await checkAccessibility(admin.page, 'gym details');
      await admin.page.goto(`${stage.server.url}/manage/gym/${secondGymId}/poster`);
      await admin.page.getByRole('img', { name: /QR code/ }).waitFor();
      await checkAccessibility(admin.page, 'gym poster');

      // The new setter: Manage shows that gym's walls, and the wall goes into it.
      // The app learns the new role at its next refresh: here, opening it again.
      await setterApp.page.reload();
      await setterApp.page.getByRole('tab', { name: 'Manage walls', exact: true }).click();
      await setterApp.page.getByText('You set here').waitFor();
      await tap(setterApp.page, 'New wall');
      await setterApp.page.getByLabel('Wall name', { exact: true }).fill('Story overhang');
      await tap(setterApp.page, 'Create wall');
      await setterApp.page.getByRole('button', { name: 'Upload a picture', exact: true }).waitFor();
      expect((await wallsOf(secondGymId)).map((l) => l.name)).toContain('Story overhang');
      expect((await wallsOf(demoGymId)).map((l) => l.name)).not.toContain('Story overhang');
      expect([...admin.errors, ...setterApp.errors]).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  async function wallsOf(gymId: string): Promise<Layout[]> {
    const res = await fetch(`${stage.server.url}/gyms/${gymId}/layouts`);
    return ((await res.json()) as { layouts: Layout[] }).layouts;
  }
});
