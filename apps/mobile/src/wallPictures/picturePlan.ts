/** Which pictures to fetch and which to drop, and how a picture's copy is named. Pure. */

export interface PicturePlan {
  /** Wanted and not kept yet, in the order the layouts list them, each once. */
  fetch: string[];
  /** Kept and no longer wanted: no layout shows them (a new picture replaced them). */
  evict: string[];
}

/**
 * From the keys of the pictures wanted (every open layout's) and those kept on the device. A
 * picture's bytes never change under its url, so a kept copy is never fetched again.
 */
export function planPictures(wanted: readonly string[], kept: readonly string[]): PicturePlan {
  const keptSet = new Set(kept);
  const wantedSet = new Set(wanted);
  return {
    fetch: [...wantedSet].filter((key) => !keptSet.has(key)),
    evict: [...new Set(kept)].filter((key) => !wantedSet.has(key)),
  };
}

/**
 * The file a picture's copy is kept in: a hash of its url (cyrb53, 53 bits: no collision among a
 * gym's few dozen pictures), so any url (query strings, another server) makes a safe file name.
 */
export function pictureFileName(url: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < url.length; i++) {
    const ch = url.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(16).padStart(14, '0')}.picture`;
}

/** Whether a file in the pictures folder is a finished copy (not a download cut short). */
export function isPictureFileName(name: string): boolean {
  return /^[0-9a-f]{14}\.picture$/.test(name);
}
