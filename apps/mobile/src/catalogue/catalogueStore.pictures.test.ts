import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import type { Gym } from '@sendlog/contract';
import { createGymsApi } from '../api/gymsApi';
import { createSendlogApi } from '../api/sendlogApi';
import { createFakeApi, testLayout } from '../testing/fakeApi';
import { SECOND_GYM, TEST_GYM } from '../testing/fakeGyms';
import { createCatalogueStore } from './catalogueStore';

const picture = (id: string) => ({ url: `/wall-pictures/${id}`, width: 800, height: 600 });
const LAYOUTS = [
  {
    ...testLayout({ id: 'wall', name: 'Main Wall', description: '', climbCount: 3 }),
    image: picture('a'),
  },
  { ...testLayout({ id: 'cave', name: 'The Cave', description: '', climbCount: 1 }), image: null },
  {
    ...testLayout({ id: 'old', name: 'Old Wall', description: '', climbCount: 0 }),
    archived: true,
    image: picture('old'),
  },
  {
    ...testLayout({ id: 'slab', name: 'Slab', description: '', climbCount: 0 }),
    image: picture('b'),
  },
  {
    ...testLayout({
      id: 'arete',
      gymId: SECOND_GYM.id,
      name: 'Arête',
      description: '',
      climbCount: 0,
    }),
    image: picture('z'),
  },
];

const gym = (record: typeof TEST_GYM): Gym => ({
  ...record,
  layoutCount: 0,
  climbCount: 0,
  following: true,
  myRole: null,
});

/** The fake API, with walls that have pictures. */
function apiWithPictures(online: { value: boolean }) {
  const fake = createFakeApi();
  const fetch: FetchLike = async (url, init) => {
    if (!online.value) throw new TypeError('Network request failed');
    const gymLayouts = /\/gyms\/([^/]+)\/layouts$/.exec(url);
    if (gymLayouts && init.method === 'GET') {
      return {
        status: 200,
        headers: { get: () => null },
        text: async () =>
          JSON.stringify({ layouts: LAYOUTS.filter((l) => l.gymId === gymLayouts[1]) }),
      };
    }
    return fake.fetch(url, init);
  };
  const http = createHttpClient({ baseUrl: 'http://sendlog.test', fetch });
  const gyms = createGymsApi(http);
  return {
    climbs: createSendlogApi(http).climbs,
    gymLayouts: gyms.gymLayouts,
    gymClimbs: gyms.gymClimbs,
  };
}

describe('the catalogue keeps the wall pictures', () => {
  it("asks for every open wall's picture of the gyms followed after each refresh, opened or not", async () => {
    const kept: (readonly string[])[] = [];
    const online = { value: true };
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures(online),
      pictures: { keep: async (urls) => void kept.push(urls) },
    });
    await store.refresh('token-1', [gym(TEST_GYM)]);
    expect(kept).toEqual([['/wall-pictures/a', '/wall-pictures/b']]);
    await store.refresh('token-1', [gym(TEST_GYM), gym(SECOND_GYM)]);
    expect(kept.at(-1)).toEqual(['/wall-pictures/a', '/wall-pictures/b', '/wall-pictures/z']);

    // Unfollowed: the second gym's picture goes, its walls' names stay on the device.
    store.keepPicturesOf([gym(TEST_GYM)]);
    await Promise.resolve();
    expect(kept.at(-1)).toEqual(['/wall-pictures/a', '/wall-pictures/b']);
    expect(store.getState().layouts?.map((l) => l.id)).toContain('arete');
  });

  it('asks for nothing when the refresh fails (offline): the kept copies stay', async () => {
    const kept: (readonly string[])[] = [];
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures({ value: false }),
      pictures: { keep: async (urls) => void kept.push(urls) },
    });
    await store.refresh('token-1', [gym(TEST_GYM)]);
    expect(kept).toEqual([]);
  });

  it('a picture that fails to keep does not fail the refresh', async () => {
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures({ value: true }),
      pictures: { keep: () => Promise.reject(new Error('disk full')) },
    });
    await store.refresh('token-1', [gym(TEST_GYM)]);
    expect(store.getState().layouts).toHaveLength(4);
    expect(store.getState().lastError).toBeNull();
  });
});
