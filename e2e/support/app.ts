import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './webExport.js';

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
    async logRoute(
      climb: string,
      route: { sent?: boolean; attempts?: number; quality?: number; notes?: string } = {},
    ) {
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
      await page.getByLabel(`Route ${climb}`, { exact: true }).first().waitFor();
    },
    async openTab(name: 'Layouts' | 'History' | 'Profile') {
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
