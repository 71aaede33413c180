// Keeps the web app's shell (index.html, the hashed bundles, images) on the device, so the web
// app opens with no network, as the phone app does. API calls are never cached: the app's own
// storage holds the data.
const CACHE = 'sendlog-shell';
// Wall pictures, filled by the page after each catalogue refresh (src/wallPictures/
// wallPictureCache.ts, WALL_PICTURE_CACHE) and by the pictures the page shows. A picture's url
// is the hash of its bytes: a kept copy is good forever, so it is served cache-first.
const PICTURES = 'sendlog-wall-pictures';

/** Hashed files never change: fetch only those not kept yet. */
async function addMissing(cache, urls) {
  const missing = [];
  for (const url of urls) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
}

/** Files index.html links that keep their name across builds: fetched again at each refresh. */
const UNHASHED = ['/manifest.webmanifest'];

async function refresh(cache, urls) {
  for (const url of urls) {
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) await cache.put(url, response);
  }
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const urls = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]);
  await addMissing(
    cache,
    urls.filter((url) => !UNHASHED.includes(url)),
  );
  // The web app manifest, so an installed app opening offline still has its name and colours.
  // Its icons are kept the first time the browser asks for them (see fetch): the 512 px one alone
  // would weigh more than the rest of a first load.
  await refresh(
    cache,
    urls.filter((url) => UNHASHED.includes(url)),
  );
  // Images the bundles reference (icons of the navigation) are shown offline too.
  const assets = new Set();
  for (const url of urls.filter((u) => u.endsWith('.js'))) {
    const code = await (await cache.match(url)).text();
    for (const match of code.matchAll(/"(\/assets\/[^"]+\.(?:png|jpg|gif|webp|ttf))"/g)) {
      assets.add(match[1]);
    }
  }
  await addMissing(cache, [...assets]);
  await cache.put('/', response);
  // Bundles of earlier builds are no longer referenced: drop them.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/_expo/') && !urls.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (UNHASHED.includes(url.pathname)) {
    // Network first (an edit shows at once), the kept copy when offline.
    event.respondWith(
      fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()),
    );
    return;
  }
  if (request.mode === 'navigate') {
    // Network first, so a new build shows at once; the kept shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) event.waitUntil(cacheShell().catch(() => undefined));
          return response;
        })
        .catch(async () => (await caches.match('/')) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/wall-pictures/')) {
    event.respondWith(
      caches.open(PICTURES).then(async (cache) => {
        // The page's prefetch asked with other headers than an <img> does: match on the url.
        const hit = await cache.match(request, { ignoreVary: true });
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) event.waitUntil(cache.put(request, response.clone()));
        return response;
      }),
    );
    return;
  }
  if (
    url.pathname.startsWith('/_expo/') ||
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/icons/') ||
    url.pathname === '/favicon.ico'
  ) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
