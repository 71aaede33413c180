import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './webExport.js';

/** A climb's row in the wall's list, named "V4 Blue Moon, blue…": grade, name, colour, marks. */
export const climbRowName = (climb: string) =>
  new RegExp(`^\\S+ ${climb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`);

/** What a climber does in the app, in the words the screen reader hears. */
export function climber(page: Page) {
  return {
    async signIn(email: string, password: string) {
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('tab', { name: /History/ }).waitFor();
    },
    async openLayout(name: string) {
      await page.getByRole('link', { name, exact: true }).click();
    },
    /** Picks a climb in the wall's list: it shows with its details above the list. */
    async pickClimb(climb: string) {
      await page.getByRole('button', { name: climbRowName(climb) }).click();
      await page.getByRole('button', { name: `Close ${climb}`, exact: true }).waitFor();
    },
    /** Opens the running session's logged routes, a sheet over the wall. */
    async openLogged() {
      await page.getByRole('button', { name: /^\d+ logged this session/ }).click();
      await page.getByRole('dialog', { name: 'Logged this session' }).waitFor();
    },
    async closeLogged() {
      await page.getByRole('button', { name: 'Close the logged list', exact: true }).click();
      await page.getByRole('dialog', { name: 'Logged this session' }).waitFor({ state: 'hidden' });
    },
    /** Logs a route with the full form: picks the climb, "Log…", fills the form, saves. */
    async logRoute(
      climb: string,
      route: { sent?: boolean; attempts?: number; quality?: number; notes?: string } = {},
    ) {
      await this.pickClimb(climb);
      await page.getByRole('button', { name: `Log ${climb}`, exact: true }).click();
      await page
        .getByRole('radio', { name: route.sent === false ? 'Not sent' : 'Sent', exact: true })
        .click();
      if (route.attempts !== undefined) {
        await page.getByLabel('Attempts', { exact: true }).fill(String(route.attempts));
      }
      if (route.quality !== undefined) {
        await page
          .getByRole('radio', { name: route.quality === 1 ? '1 star' : `${route.quality} stars` })
          .click();
      }
      if (route.notes !== undefined)
        await page.getByLabel('Route notes', { exact: true }).fill(route.notes);
      await page.getByRole('button', { name: 'Save route', exact: true }).click();
      await page
        .getByLabel(`Route form for ${climb}`, { exact: true })
        .waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: `Close ${climb}`, exact: true }).click();
    },
    async openTab(name: 'Walls' | 'History' | 'Profile') {
      await page.getByRole('tab', { name: new RegExp(name) }).click();
    },
  };
}

const ARTIFACTS = path.join(REPO_ROOT, 'e2e/artifacts/screenshots');
const DOCS_SHOTS = path.join(REPO_ROOT, 'docs/screenshots');

/**
 * Saves a screenshot under e2e/artifacts; with SENDLOG_UPDATE_SCREENSHOTS=1 it also refreshes the
 * copy the docs show (README.md, docs/app.md, docs/gyms.md), so their pictures are always ones a
 * story took.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.SENDLOG_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true });
    copyFileSync(file, path.join(DOCS_SHOTS, `${name}.png`));
  }
}
