import { describe, expect, it } from 'vitest';
import { checkAccessibility } from './support/axe.js';
import { climber } from './support/app.js';
import { hasChromium, PHONE_844, STORY_TIMEOUT } from './support/atTheWall.js';
import { sharedStoryStage } from './support/stage.js';

/*
 * At the wall, the words on the screen: one vocabulary throughout, and long notes cut and folded.
 */

describe.skipIf(!hasChromium)('at the wall', () => {
  const stage = sharedStoryStage();

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
});
