import { randomUUID } from 'node:crypto';
import { DEMO_SETTER } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber, screenshot } from './support/app.js';
import { DEMO_GYM_SLUG } from './support/api.js';
import { chromiumForStories, startStoryStage, type StoryStage } from './support/stage.js';

/*
 * What a gym's staff see (issue 22): three climbers log at the demo gym, its setter opens
 * Insights on a laptop, reads the verdict on the climb they all called harder, plans its removal
 * from the climbs table, and a climber's phone holds the planned day after a refresh. The
 * climbers log through the API (logging in the app is the other stories' job); the setter and the
 * phone are the app in Chromium.
 */

const hasChromium = chromiumForStories('the insights story');
const WAIT = { timeout: 45_000 };
// Tall enough to hold the charts, the weekday × hour grid and the table's first verdict at once.
const LAPTOP = { viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 1 } as const;

describe.skipIf(!hasChromium)("a gym's staff see insights", () => {
  let stage: StoryStage;
  beforeAll(async () => {
    stage = await startStoryStage();
  }, 600_000);
  afterAll(() => stage?.close());

  async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(stage.server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}`);
    return (await response.json()) as T;
  }

  it('the setter sees the verdict, plans the removal, and a climber’s wall shows “until …” on it', async () => {
    // A fresh wall of the demo gym with one climb nobody has logged yet, set by its setter.
    const setterToken = await stage.api.login(DEMO_SETTER.email, DEMO_SETTER.password);
    const gym = await stage.api.gym(DEMO_GYM_SLUG);
    const wallName = `Insight wall ${randomUUID().slice(0, 6)}`;
    const { layout } = await call<{ layout: { id: string } }>(
      setterToken,
      'POST',
      `/gyms/${gym.id}/layouts`,
      { name: wallName, gradeSystem: 'V' },
    );
    const climbName = 'Sandbag';
    const { climb } = await call<{ climb: { id: string } }>(
      setterToken,
      'POST',
      `/layouts/${layout.id}/climbs`,
      { name: climbName, grade: 'V2', setter: 'Story setter' },
    );

    // Three climbers log it today, each calling it V4.
    const climbers = [];
    for (let i = 0; i < 3; i += 1) {
      const account = await stage.api.register();
      climbers.push(account);
      const now = new Date(Date.now() - 60 * 60_000).toISOString();
      await call(account.token, 'POST', '/sessions/sync/bulk', [
        {
          clientSessionId: randomUUID(),
          layoutId: layout.id,
          startTime: now,
          endTime: null,
          notes: null,
          baseRevision: null,
          updatedAt: now,
          removedRouteIds: [],
          routes: [
            {
              clientRouteId: 'r1',
              climbId: climb.id,
              isSuccess: i !== 0,
              attempts: 2 + i,
              notes: null,
              rating: 2,
              gradeOpinion: 'V4',
              loggedAt: now,
              updatedAt: now,
            },
          ],
        },
      ]);
    }

    // The setter's laptop: Manage → the gym → Insights.
    const laptop = await stage.open(LAPTOP);
    const { page } = laptop;
    await climber(page).signIn(DEMO_SETTER.email, DEMO_SETTER.password);
    await page.getByRole('tab', { name: 'Manage walls', exact: true }).click();
    await page.getByRole('button', { name: `Insights of ${gym.name}`, exact: true }).click();
    await page.getByRole('heading', { name: `${gym.name}: insights` }).waitFor(WAIT);
    const verdict = page.getByText('Climbers say harder: V4 (3 opinions)', { exact: true });
    await verdict.waitFor(WAIT);
    // Each chart says its numbers to a screen reader.
    await page.getByRole('img', { name: /V2: \d+% of the set/ }).waitFor();
    await checkAccessibility(page, 'insights');
    await page.getByRole('radio', { name: 'Verdicts first', exact: true }).click();
    await screenshot(page, 'insights');

    await page.getByRole('button', { name: `Plan removal of ${climbName}` }).click();
    const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(`Last day of ${climbName} (YYYY-MM-DD)`, { exact: true }).fill(day);
    await page.getByRole('button', { name: 'Save the removal day', exact: true }).click();
    await page.getByText(`Set by Story setter · Removal planned: until ${day}`).waitFor(WAIT);
    await checkAccessibility(page, 'insights, removal planned');
    expect(laptop.errors).toEqual([]);

    // A climber's phone, after a refresh, shows "until …" on that climb on its wall.
    const phone = await stage.open();
    await climber(phone.page).signIn(climbers[1]!.email, climbers[1]!.password);
    await phone.page.getByRole('link', { name: wallName, exact: true }).waitFor(WAIT);
    await phone.page.reload();
    await phone.page.getByRole('link', { name: wallName, exact: true }).click();
    const planned = new Date(`${day}T12:00:00Z`);
    const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[
      planned.getUTCMonth()
    ];
    const year =
      planned.getUTCFullYear() === new Date().getFullYear() ? '' : ` ${planned.getUTCFullYear()}`;
    await phone.page
      .getByText(`until ${planned.getUTCDate()} ${month}${year}`, { exact: false })
      .first()
      .waitFor(WAIT);
    await checkAccessibility(phone.page, 'a climber sees the planned removal');
    expect(phone.errors).toEqual([]);
  }, 300_000);
});
