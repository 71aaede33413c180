import { readFile } from 'node:fs/promises';
import { authResponseSchema, meResponseSchema, sessionsBackupSchema } from '@sendlog/contract';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * The account in the browser (the web export on the real server): a password changed on one
 * device signs the climber's other device out without losing what it logged, and deleting the
 * account leaves nothing of it on the server or on the device.
 */

const hasChromium = chromiumForStories('the account stories');

const STORY_TIMEOUT = 180_000;
const SYNC_WAIT = { timeout: 45_000 };
const DAY_MS = 86_400_000;
/** The year up to tomorrow: what the stories log lies inside. */
const YEAR = {
  from: new Date(Date.now() - 365 * DAY_MS).toISOString(),
  to: new Date(Date.now() + DAY_MS).toISOString(),
};

describe.skipIf(!hasChromium)('account stories', () => {
  let stage: StoryStage;

  beforeAll(async () => {
    stage = await startStoryStage();
  }, 300_000);

  afterAll(() => stage?.close());

  /** The status of one API call, for the calls expected to be refused. */
  const statusOf = async (path: string, init: RequestInit = {}) =>
    (await fetch(stage.server.url + path, init)).status;
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  /** Signs in on a fresh phone, as the climber does. */
  async function phone(email: string, password: string, options = {}) {
    const opened = await stage.open(options);
    const app = climber(opened.page);
    await app.signIn(email, password);
    await opened.page
      .getByRole('link', { name: stage.demoWall.layout.name, exact: true })
      .waitFor();
    return { ...opened, app };
  }

  /** One session of one route on the demo wall, ended. */
  async function logOne(page: Page, app: ReturnType<typeof climber>, sent: boolean) {
    await app.openLayout(stage.demoWall.layout.name);
    await page.getByRole('button', { name: 'Start session' }).click();
    await app.logRoute(stage.demoClimb(0).name, { sent, attempts: 2 });
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('button', { name: 'Dismiss summary' }).click();
  }

  it(
    'a password changed on one phone signs the other out; what the other logged syncs after its new sign-in',
    async () => {
      const account = await stage.api.register();
      const first = await phone(account.email, account.password);
      const second = await phone(account.email, account.password);

      // The second phone logs offline while the password changes on the first.
      await second.context.setOffline(true);
      await logOne(second.page, second.app, false);

      await first.app.openTab('Profile');
      await first.page.getByRole('button', { name: 'Change password', exact: true }).click();
      await first.page.getByLabel('Current password', { exact: true }).fill(account.password);
      await first.page.getByLabel('New password', { exact: true }).fill('short');
      await first.page.getByRole('button', { name: 'Save new password' }).click();
      await first.page.getByText('The new password must be at least 8 characters.').waitFor();
      await checkAccessibility(first.page, 'change password');
      await screenshot(first.page, 'change-password');
      await first.page.getByLabel('New password', { exact: true }).fill('a brand new secret');
      await first.page.getByRole('button', { name: 'Save new password' }).click();
      await first.page.getByText(/^Password changed\./).waitFor();
      expect(await statusOf('/me', bearer(account.token))).toBe(401);

      // Back online, the second phone hears its token is gone; the session waits on it.
      await second.context.setOffline(false);
      // (Each screen of the stack has the strip: the one in view counts.)
      await second.page
        .getByText(/^Your sign-in expired\./)
        .filter({ visible: true })
        .waitFor(SYNC_WAIT);
      await second.page
        .getByRole('button', { name: 'Sign in again' })
        .filter({ visible: true })
        .click();
      await second.app.signIn(account.email, 'a brand new secret');
      const token = await stage.api.login(account.email, 'a brand new secret');
      await expect.poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT).toBe(1);

      // The first phone signed in with its new token all along: it logs and syncs as before.
      await first.app.openTab('Walls');
      await logOne(first.page, first.app, true);
      await expect.poll(async () => (await stage.api.sessions(token)).length, SYNC_WAIT).toBe(2);
      expect(await first.page.getByText(/^Your sign-in expired/).count()).toBe(0);
      expect([...first.errors, ...second.errors]).toEqual([]);
    },
    STORY_TIMEOUT,
  );

  it(
    'deleting the account offers the export first, then leaves nothing on the server or the phone',
    async () => {
      const climb = stage.demoClimb(1);
      const communityOf = async () =>
        (await stage.api.climbs(stage.demoWall.layout.id)).find((c) => c.id === climb.id)?.community
          .climbers;
      const climbersBefore = await communityOf();
      const account = await stage.api.register();
      const { page, app, errors } = await phone(account.email, account.password, {
        acceptDownloads: true,
      });
      const me = meResponseSchema.parse(
        await (await fetch(`${stage.server.url}/me`, bearer(account.token))).json(),
      ).user;
      await app.openLayout(stage.demoWall.layout.name);
      await page.getByRole('button', { name: 'Start session' }).click();
      await app.logRoute(climb.name, { sent: true, attempts: 1 });
      await page.getByRole('button', { name: 'End session' }).click();
      await page.getByRole('button', { name: 'Dismiss summary' }).click();
      await expect
        .poll(async () => (await stage.api.sessions(account.token)).length, SYNC_WAIT)
        .toBe(1);
      // The community view is folded shortly after the write (docs/architecture.md).
      await expect.poll(communityOf, SYNC_WAIT).toBe((climbersBefore ?? 0) + 1);

      await app.openTab('Profile');
      await page.getByRole('button', { name: 'Delete account', exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export a copy as JSON' }).click(),
      ]);
      const backup = sessionsBackupSchema.parse(
        JSON.parse(await readFile(await download.path(), 'utf8')),
      );
      expect(backup.sessions).toHaveLength(1);
      await page.getByText(/^Exported sendlog-.*\.json: 1 route from 1 session\.$/).waitFor();
      await page.getByRole('button', { name: 'Continue', exact: true }).scrollIntoViewIfNeeded();
      await checkAccessibility(page, 'delete account, the export offered');
      await screenshot(page, 'delete-account');
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.getByLabel('Your password', { exact: true }).fill('not my password');
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await page.getByText('That is not your current password.').waitFor();
      await checkAccessibility(page, 'delete account, the password');
      expect(await stage.api.sessions(account.token)).toHaveLength(1);

      await page.getByLabel('Your password', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await page.getByLabel('Email', { exact: true }).waitFor();

      // Nothing of it on the server: its token opens nothing, its password signs nobody in, and
      // the climb it logged counts the other climbers only.
      expect(await statusOf('/me', bearer(account.token))).toBe(401);
      expect(await statusOf('/sessions', bearer(account.token))).toBe(401);
      expect(
        await statusOf('/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, password: account.password }),
        }),
      ).toBe(401);
      expect(await communityOf()).toBe(climbersBefore);
      // Nothing of it on the phone.
      const kept = await page.evaluate(() => Object.keys(window.localStorage));
      expect(kept.filter((k) => k.includes(me.id) || k === 'sendlog.auth')).toEqual([]);

      // Its email registers again, as a new, empty account.
      const again = await fetch(`${stage.server.url}/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      expect(again.status).toBe(201);
      const fresh = authResponseSchema.parse(await again.json());
      expect(fresh.user.id).not.toBe(me.id);
      expect(await stage.api.sessions(fresh.token)).toEqual([]);
      expect(await stage.api.stats(fresh.token, YEAR)).toMatchObject({ sessions: 0, tries: 0 });
      expect(errors).toEqual([]);
    },
    STORY_TIMEOUT,
  );
});
