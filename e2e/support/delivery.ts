import type { Browser, BrowserContext } from 'playwright-core';
import { PHONE } from './browser.js';

/** One page load as the network saw it (Chromium's DevTools protocol, `encodedDataLength`). */
export interface LoadFigures {
  /** Bytes received over the wire for the page and everything it loaded: headers + bodies. */
  bytes: number;
  requests: number;
  /** Scripts that came from the network rather than the HTTP cache or the service worker. */
  scriptsFromNetwork: string[];
}

export interface DeliveryFigures {
  first: LoadFigures;
  repeat: LoadFigures;
}

interface ResponseReceived {
  requestId: string;
  type: string;
  response: { url: string; fromDiskCache?: boolean; fromServiceWorker?: boolean };
}

/**
 * Opens `url` in a new page of `context` and counts what crossed the network until the app shows
 * its sign-in form and the network is idle.
 */
async function measureLoad(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const fromNetwork = new Map<string, { url: string; type: string }>();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (event: ResponseReceived) => {
    const { response } = event;
    if (response.fromDiskCache || response.fromServiceWorker) return;
    fromNetwork.set(event.requestId, { url: response.url, type: event.type });
  });
  cdp.on('Network.requestServedFromCache', (event: { requestId: string }) => {
    fromNetwork.delete(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByLabel('Email', { exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  await page.close();
  const scriptsFromNetwork = [...fromNetwork.values()]
    .filter((r) => r.type === 'Script')
    .map((r) => new URL(r.url).pathname);
  return { bytes, requests, scriptsFromNetwork };
}

/**
 * A first visit on an empty browser, then a second visit (a new tab, as a climber reopening the
 * app): what each costs over the wire. With `serviceWorkers: 'block'` the second visit leans on
 * the HTTP cache alone (the `immutable` hashed bundles); with them allowed, on the app's
 * service worker as well.
 */
export async function measureDelivery(
  browser: Browser,
  url: string,
  serviceWorkers: 'allow' | 'block',
): Promise<DeliveryFigures> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers });
  try {
    const first = await measureLoad(context, url);
    if (serviceWorkers === 'allow') {
      // The second visit is the one a service worker, installed by the first, answers.
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.close();
    }
    const repeat = await measureLoad(context, url);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
