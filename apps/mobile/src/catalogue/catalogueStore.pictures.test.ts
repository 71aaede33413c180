import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import { createSendlogApi } from '../api/sendlogApi';
import { createFakeApi, testLayout } from '../testing/fakeApi';
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
];

/** The fake API, with layouts that have pictures. */
function apiWithPictures(online: { value: boolean }) {
  const fake = createFakeApi();
  const fetch: FetchLike = async (url, init) => {
    if (!online.value) throw new TypeError('Network request failed');
    if (url.endsWith('/layouts') && init.method === 'GET') {
      return {
        status: 200,
        headers: { get: () => null },
        text: async () => JSON.stringify({ layouts: LAYOUTS }),
      };
    }
    return fake.fetch(url, init);
  };
  return createSendlogApi(createHttpClient({ baseUrl: 'http://sendlog.test', fetch }));
}

describe('the catalogue keeps the wall pictures', () => {
  it('asks for every open layout picture after each refresh, opened or not', async () => {
    const kept: (readonly string[])[] = [];
    const online = { value: true };
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures(online),
      pictures: { keep: async (urls) => void kept.push(urls) },
    });
    await store.refresh('token-1');
    expect(kept).toEqual([['/wall-pictures/a', '/wall-pictures/b']]);
    await store.refresh('token-1');
    expect(kept).toHaveLength(2);
  });

  it('asks for nothing when the refresh fails (offline): the kept copies stay', async () => {
    const kept: (readonly string[])[] = [];
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures({ value: false }),
      pictures: { keep: async (urls) => void kept.push(urls) },
    });
    await store.refresh('token-1');
    expect(kept).toEqual([]);
  });

  it('a picture that fails to keep does not fail the refresh', async () => {
    const store = createCatalogueStore({
      storage: createMemoryStorage(),
      api: apiWithPictures({ value: true }),
      pictures: { keep: () => Promise.reject(new Error('disk full')) },
    });
    await store.refresh('token-1');
    expect(store.getState().layouts).toHaveLength(4);
    expect(store.getState().lastError).toBeNull();
  });
});
