import { Directory, File, Paths } from 'expo-file-system';
import { createEmitter } from '../lib/emitter';
import { isPictureFileName, pictureFileName, planPictures } from './picturePlan';
import { resolvePictureUrl } from './wallPictures';
import type { WallPictures } from './wallPictures';

/**
 * The phone's picture cache: each picture downloaded once into the app's document directory
 * (kept across launches, not purged like the cache directory), named by a hash of its url. An
 * image shows the file as soon as it is there, the server's url until then.
 */
export function createWallPictureCache(baseUrl: string): WallPictures {
  const folder = new Directory(Paths.document, 'wall-pictures');
  const emitter = createEmitter();
  /** File names of the finished copies. */
  const kept = new Set<string>();
  /** One `keep` at a time: two refreshes close together must not download a picture twice. */
  let keeping: Promise<void> = Promise.resolve();

  function readFolder(): void {
    if (!folder.exists) folder.create({ intermediates: true, idempotent: true });
    kept.clear();
    for (const entry of folder.list()) {
      if (entry instanceof File && isPictureFileName(entry.name)) kept.add(entry.name);
      // A download cut short (the app killed mid-way) is dropped: it is fetched again whole.
      else if (entry instanceof File) entry.delete();
    }
  }

  async function download(url: string, name: string): Promise<void> {
    // Into a `.part` file first, renamed when whole: a kept name is always a whole picture.
    const part = new File(folder, `${name}.part`);
    if (part.exists) part.delete();
    await File.downloadFileAsync(resolvePictureUrl(baseUrl, url), part);
    part.rename(name);
    kept.add(name);
    emitter.emit();
  }

  return {
    sourceOf(url) {
      const name = pictureFileName(url);
      return kept.has(name) ? new File(folder, name).uri : resolvePictureUrl(baseUrl, url);
    },
    subscribe: emitter.subscribe,
    async load() {
      try {
        readFolder();
        emitter.emit();
      } catch {
        // No readable folder: pictures come from the server, as before any was kept.
      }
    },
    keep(urls) {
      // A failure (no folder, storage full) leaves the pictures to the server, and the next
      // refresh tries again.
      keeping = keeping.then(() => keepOnly(urls)).catch(() => undefined);
      return keeping;
    },
  };

  async function keepOnly(urls: readonly string[]): Promise<void> {
    const byName = new Map(urls.map((url) => [pictureFileName(url), url]));
    const plan = planPictures([...byName.keys()], [...kept]);
    for (const name of plan.fetch) {
      const url = byName.get(name);
      // One picture failing (offline again, a 404) does not stop the others.
      if (url) await download(url, name).catch(() => undefined);
    }
    for (const name of plan.evict) {
      kept.delete(name);
      const file = new File(folder, name);
      if (file.exists) file.delete();
    }
    if (plan.evict.length > 0) emitter.emit();
  }
}
