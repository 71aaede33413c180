import type { Climb, Layout } from '@sendlog/contract';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { RunningServer } from '../../apps/server/src/index.js';
import { afterAll, beforeAll } from 'vitest';
import { apiClient } from './api.js';
import { chromiumAvailable, launchChromium, PHONE } from './browser.js';
import { startWebApp } from './webExport.js';

/**
 * Whether a browser suite can run: in CI a missing Chromium fails loudly (a skipped story proves
 * nothing); on a developer's machine the suite is skipped with a line saying why.
 */
export function chromiumForStories(suite: string): boolean {
  if (chromiumAvailable()) return true;
  if (process.env.CI) throw new Error(`CI needs Chromium at /usr/bin/chromium for ${suite}`);
  console.log(
    `[e2e] ${suite} skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)`,
  );
  return false;
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors in the page: a story fails on any. */
  errors: string[];
}

/** What every browser story stands on: the product as `npm start` serves it, and Chromium. */
export interface StoryStage {
  server: RunningServer;
  api: ReturnType<typeof apiClient>;
  browser: Browser;
  /** The demo gym's first wall and its climbs up, as the stories log on them. */
  demoWall: { layout: Layout; climbs: Climb[] };
  /** The demo wall's climb #i; fails the story when there is none. */
  demoClimb(i: number): Climb;
  /** A fresh browser profile (a phone unless told otherwise) with the app open in it. */
  open(options?: BrowserContextOptions): Promise<OpenedApp>;
  close(): Promise<void>;
}

export async function startStoryStage(): Promise<StoryStage> {
  const server = await startWebApp();
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const api = apiClient(server.url);
  const layout = (await api.layouts())[0];
  if (!layout) throw new Error('the demo gym has no layout');
  const demoWall = { layout, climbs: await api.climbs(layout.id) };
  return {
    server,
    api,
    browser,
    demoWall,
    demoClimb(i) {
      const climb = demoWall.climbs[i];
      if (!climb) throw new Error(`the demo wall has no climb #${i}`);
      return climb;
    },
    async open(options = {}) {
      const context = await browser.newContext({ ...PHONE, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.url);
      return { page, context, errors };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The stage the stories of one file share (one server and one Chromium), started before them and
 * closed after: for files split from one suite, so each does not repeat the hooks. Its fields are
 * read inside the stories, once it has started.
 */
export function sharedStoryStage(): StoryStage {
  let stage: StoryStage | undefined;
  beforeAll(async () => {
    stage = await startStoryStage();
  }, 300_000);
  afterAll(() => stage?.close());
  const started = (): StoryStage => {
    if (!stage) throw new Error('the story stage has not started');
    return stage;
  };
  return {
    get server() {
      return started().server;
    },
    get api() {
      return started().api;
    },
    get browser() {
      return started().browser;
    },
    get demoWall() {
      return started().demoWall;
    },
    demoClimb: (i) => started().demoClimb(i),
    open: (options) => started().open(options),
    close: () => started().close(),
  };
}
