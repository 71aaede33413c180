import { DEMO_ACCOUNT } from '@sendlog/contract';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../apps/server/src/index.js';
import { climber } from './support/app.js';
import { chromiumAvailable, launchChromium, PHONE } from './support/browser.js';
import { kB, measureDelivery } from './support/delivery.js';
import { startWebApp } from './support/webExport.js';

/*
 * How the web app reaches a phone on gym Wi-Fi: compressed, cached for good once loaded, and
 * under a Content Security Policy it runs under without a single violation.
 */

const hasChromium = chromiumAvailable();
if (!hasChromium) {
  if (process.env.CI)
    throw new Error('CI needs Chromium at /usr/bin/chromium for the browser stories');
  console.log('[e2e] delivery story skipped: no Chromium at /usr/bin/chromium');
}

/** The goal of a first load over the wire (issue: "first load ≤ 400 KB"). */
const FIRST_LOAD_BUDGET = 400 * 1024;

describe.skipIf(!hasChromium)('delivery of the web app', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startWebApp();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads compressed within 400 KB, then again without fetching any JavaScript', async () => {
    const httpCache = await measureDelivery(browser, server.url, 'block');
    const withWorker = await measureDelivery(browser, server.url, 'allow');
    console.log(
      `[e2e] web app over the wire: first load ${kB(httpCache.first.bytes)} ` +
        `(${httpCache.first.requests} requests), repeat load ${kB(httpCache.repeat.bytes)} ` +
        `(${httpCache.repeat.requests} requests; HTTP cache alone), scripts fetched again: ` +
        `${httpCache.repeat.scriptsFromNetwork.length} (HTTP cache), ` +
        `${withWorker.repeat.scriptsFromNetwork.length} (service worker)`,
    );
    expect(httpCache.first.scriptsFromNetwork.length).toBeGreaterThan(0);
    expect(httpCache.first.bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    expect(withWorker.first.bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    expect(httpCache.repeat.scriptsFromNetwork).toEqual([]);
    expect(withWorker.repeat.scriptsFromNetwork).toEqual([]);
    expect(httpCache.repeat.bytes).toBeLessThan(httpCache.first.bytes / 10);
  }, 120_000);

  it('signs in and opens a layout under the Content Security Policy, which blocks eval', async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(
            `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      const answer = await page.goto(server.url);
      const headers = answer?.headers() ?? {};
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['content-encoding']).toBe('br');

      await climber(page).signIn(DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const layout = page.getByRole('link').first();
      await layout.click();
      await page.waitForLoadState('networkidle');
      // zod probes once whether `new Function` works (a caught throw, then its eval-free
      // path): the policy blocks it and Chromium reports it. That probe is the one allowed
      // report; `z.config({ jitless: true })` in the app's entry would silence it.
      const others = violations.filter((v) => !/violation: script-src eval$/.test(v));
      expect(others).toEqual([]);
      expect(violations.length - others.length).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  }, 120_000);
});
