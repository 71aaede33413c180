import { planPictures } from './picturePlan';
import { createRemoteWallPictures, resolvePictureUrl } from './wallPictures';
import type { WallPictures } from './wallPictures';

/** The Cache Storage the service worker (public/sw.js) answers `/wall-pictures/*` from. */
export const WALL_PICTURE_CACHE = 'sendlog-wall-pictures';

/**
 * The web's picture cache: copies live in Cache Storage, where the service worker serves them
 * cache-first, so an <img> of a picture works offline at its ordinary url. Filled from the page
 * (not left to the worker) so a first visit keeps them even before the worker controls it.
 */
export function createWallPictureCache(baseUrl: string): WallPictures {
  const remote = createRemoteWallPictures(baseUrl);
  return {
    ...remote,
    async keep(urls) {
      if (typeof caches === 'undefined') return; // an insecure origin: online only
      const cache = await caches.open(WALL_PICTURE_CACHE);
      const kept = (await cache.keys()).map((request) => request.url);
      const plan = planPictures(
        urls.map((url) => resolvePictureUrl(baseUrl, url)),
        kept,
      );
      for (const url of plan.fetch) {
        // One picture failing (offline again, a 404) does not stop the others.
        await cache.add(url).catch(() => undefined);
      }
      for (const url of plan.evict) await cache.delete(url);
    },
  };
}
