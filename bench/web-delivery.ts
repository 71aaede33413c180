import { spawnServer } from '@sendlog/server/testing/server-process';
import { chromiumAvailable, launchChromium } from '../e2e/support/browser.js';
import { measureDelivery, type DeliveryFigures } from '../e2e/support/delivery.js';
import { ensureWebExport, WEB_ROOT } from '../e2e/support/webExport.js';

export interface WebDeliveryFigures {
  /** The browser's HTTP cache alone (service workers blocked). */
  httpCache: DeliveryFigures;
  /** As a climber gets it: the app's service worker installed by the first visit. */
  serviceWorker: DeliveryFigures;
}

/**
 * Part 7: the web export served by a real API process (precompressed files, cache headers),
 * loaded twice in Debian's Chromium; `null` without Chromium.
 */
export async function webDeliveryBench(): Promise<WebDeliveryFigures | null> {
  if (!chromiumAvailable()) return null;
  await ensureWebExport();
  const server = await spawnServer({
    env: { SENDLOG_DATA_DIR: 'memory://', SENDLOG_WEB_ROOT: WEB_ROOT },
  });
  const browser = await launchChromium();
  try {
    return {
      httpCache: await measureDelivery(browser, server.url, 'block'),
      serviceWorker: await measureDelivery(browser, server.url, 'allow'),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
