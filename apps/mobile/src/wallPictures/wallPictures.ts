/**
 * The wall pictures a phone keeps for offline sessions. A picture's url (`/wall-pictures/<sha256>`,
 * relative to the API) never changes its bytes: a kept copy is good forever, and a layout with a
 * new picture has a new url.
 */
export interface WallPictures {
  /** What an image shows for a picture's url: the device's copy when kept, else the server's. */
  sourceOf(url: string): string;
  /** Calls back when a copy arrives or goes (an image then shows the other source). */
  subscribe(listener: () => void): () => void;
  /** Reads which copies the device holds. */
  load(): Promise<void>;
  /** Keeps exactly these pictures: fetches the missing ones, drops those no layout shows. */
  keep(urls: readonly string[]): Promise<void>;
}

/** A picture's url as the API's absolute url (a phone's API is not its own origin). */
export function resolvePictureUrl(baseUrl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** No copies on the device: every picture from the server (tests, and until a cache is given). */
export function createRemoteWallPictures(baseUrl: string): WallPictures {
  return {
    sourceOf: (url) => resolvePictureUrl(baseUrl, url),
    subscribe: () => () => undefined,
    load: () => Promise.resolve(),
    keep: () => Promise.resolve(),
  };
}
