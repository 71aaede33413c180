import { pictureFileName } from './picturePlan';
import { createWallPictureCache } from './wallPictureCache.native';

/*
 * expo-file-system has no implementation under Jest: an in-memory folder stands in, with the
 * calls the cache makes (list, download into a file, rename, delete).
 */
const mockDisk = new Map<string, string>();
const mockDownloads: string[] = [];
const mockFailing = new Set<string>();

jest.mock('expo-file-system', () => {
  class Directory {
    uri: string;
    constructor(parent: { uri: string } | string, name: string) {
      this.uri = `${typeof parent === 'string' ? parent : parent.uri}/${name}`;
    }
    get exists() {
      return mockDisk.has(this.uri);
    }
    create() {
      mockDisk.set(this.uri, '<dir>');
    }
    list() {
      return [...mockDisk.keys()]
        .filter((uri) => uri.startsWith(`${this.uri}/`))
        .map((uri) => new File(this, uri.slice(this.uri.length + 1)));
    }
  }
  class File {
    uri: string;
    constructor(parent: { uri: string }, name: string) {
      this.uri = `${parent.uri}/${name}`;
    }
    get name() {
      return this.uri.slice(this.uri.lastIndexOf('/') + 1);
    }
    get exists() {
      return mockDisk.has(this.uri);
    }
    delete() {
      mockDisk.delete(this.uri);
    }
    rename(name: string) {
      const bytes = mockDisk.get(this.uri) ?? '';
      mockDisk.delete(this.uri);
      this.uri = `${this.uri.slice(0, this.uri.lastIndexOf('/'))}/${name}`;
      mockDisk.set(this.uri, bytes);
    }
    static async downloadFileAsync(url: string, destination: File) {
      mockDownloads.push(url);
      if (mockFailing.has(url)) throw new Error('404');
      mockDisk.set(destination.uri, `bytes of ${url}`);
      return destination;
    }
  }
  return { Directory, File, Paths: { document: { uri: 'file:///doc' } } };
});

const FOLDER = 'file:///doc/wall-pictures';
const BASE = 'http://gym.test';

beforeEach(() => {
  mockDisk.clear();
  mockDownloads.length = 0;
  mockFailing.clear();
});

describe('the phone picture cache', () => {
  it('mockDownloads each picture once, whole, and shows the file from then on', async () => {
    const cache = createWallPictureCache(BASE);
    await cache.load();
    let changes = 0;
    cache.subscribe(() => changes++);
    expect(cache.sourceOf('/wall-pictures/a')).toBe(`${BASE}/wall-pictures/a`);

    await cache.keep(['/wall-pictures/a', '/wall-pictures/b']);
    expect(mockDownloads).toEqual([`${BASE}/wall-pictures/a`, `${BASE}/wall-pictures/b`]);
    expect(cache.sourceOf('/wall-pictures/a')).toBe(
      `${FOLDER}/${pictureFileName('/wall-pictures/a')}`,
    );
    expect([...mockDisk.keys()].filter((uri) => uri.endsWith('.part'))).toEqual([]);
    expect(changes).toBe(2);

    await cache.keep(['/wall-pictures/a', '/wall-pictures/b']);
    expect(mockDownloads).toHaveLength(2);
  });

  it('drops the copies no layout shows any more', async () => {
    const cache = createWallPictureCache(BASE);
    await cache.load();
    await cache.keep(['/wall-pictures/old']);
    await cache.keep(['/wall-pictures/new']);
    expect(mockDisk.has(`${FOLDER}/${pictureFileName('/wall-pictures/old')}`)).toBe(false);
    expect(cache.sourceOf('/wall-pictures/old')).toBe(`${BASE}/wall-pictures/old`);
    expect(cache.sourceOf('/wall-pictures/new')).toMatch(/^file:/);
  });

  it('finds the copies of an earlier launch, and drops a download cut short', async () => {
    const name = pictureFileName('/wall-pictures/a');
    mockDisk.set(FOLDER, '<dir>');
    mockDisk.set(`${FOLDER}/${name}`, 'bytes');
    mockDisk.set(`${FOLDER}/${pictureFileName('/wall-pictures/b')}.part`, 'half');
    const cache = createWallPictureCache(BASE);
    await cache.load();
    expect(cache.sourceOf('/wall-pictures/a')).toBe(`${FOLDER}/${name}`);
    expect(cache.sourceOf('/wall-pictures/b')).toBe(`${BASE}/wall-pictures/b`);
    expect([...mockDisk.keys()].some((uri) => uri.endsWith('.part'))).toBe(false);
  });

  it('a picture that fails is left to the server, the others are kept, and retried next time', async () => {
    mockFailing.add(`${BASE}/wall-pictures/a`);
    const cache = createWallPictureCache(BASE);
    await cache.load();
    await cache.keep(['/wall-pictures/a', '/wall-pictures/b']);
    expect(cache.sourceOf('/wall-pictures/a')).toBe(`${BASE}/wall-pictures/a`);
    expect(cache.sourceOf('/wall-pictures/b')).toMatch(/^file:/);
    mockFailing.clear();
    await cache.keep(['/wall-pictures/a', '/wall-pictures/b']);
    expect(cache.sourceOf('/wall-pictures/a')).toMatch(/^file:/);
  });

  it('two refreshes close together download a picture once', async () => {
    const cache = createWallPictureCache(BASE);
    await cache.load();
    await Promise.all([cache.keep(['/wall-pictures/a']), cache.keep(['/wall-pictures/a'])]);
    expect(mockDownloads).toEqual([`${BASE}/wall-pictures/a`]);
  });
});
