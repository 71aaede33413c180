import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import type { Gym } from '@sendlog/contract';
import { createGymsApi } from '../api/gymsApi';
import { createFakeApi } from '../testing/fakeApi';
import { SECOND_GYM, TEST_GYM } from '../testing/fakeGyms';
import { applyPending } from './myGyms';
import { createMyGymsStore } from './myGymsStore';

const TOKEN = 'token-1';

function setup(prepare: (api: ReturnType<typeof createFakeApi>) => void = () => {}) {
  const api = createFakeApi();
  prepare(api);
  const storage = createMemoryStorage();
  const gymsApi = createGymsApi(
    createHttpClient({ baseUrl: 'http://sendlog.test', fetch: api.fetch }),
  );
  const open = async () => {
    const store = createMyGymsStore({ storage, api: gymsApi });
    await store.load();
    return store;
  };
  return { api, storage, open };
}

const asGym = (record: typeof TEST_GYM, extra: Partial<Gym> = {}): Gym => ({
  ...record,
  layoutCount: 1,
  climbCount: 1,
  following: false,
  myRole: null,
  ...extra,
});
const names = (gyms: readonly Gym[] | null) => gyms?.map((g) => [g.name, g.following]);

describe('applyPending', () => {
  it('adds a gym followed, drops one unfollowed, keeps a staffed one as not followed', () => {
    const one = asGym(TEST_GYM, { following: true });
    const two = asGym(SECOND_GYM);
    expect(names(applyPending([one], [{ gym: two, follow: true }]))).toEqual([
      ['Boulderwerk Zürich', true],
      ['Sendlog Test Gym', true],
    ]);
    expect(applyPending([one], [{ gym: one, follow: false }])).toEqual([]);
    const staffed = { ...one, myRole: 'setter' as const };
    expect(names(applyPending([staffed], [{ gym: one, follow: false }]))).toEqual([
      ['Sendlog Test Gym', false],
    ]);
  });
});

describe('the gyms a climber follows', () => {
  it('reads them from the server and keeps them for the next start, offline', async () => {
    const { api, open } = setup();
    const store = await open();
    expect(store.getState().gyms).toBeNull();
    await store.refresh(TOKEN);
    expect(names(store.getState().gyms)).toEqual([['Sendlog Test Gym', true]]);

    api.setOnline(false);
    const again = await open();
    expect(names(again.getState().gyms)).toEqual([['Sendlog Test Gym', true]]);
  });

  it('a follow and an unfollow made offline show at once, wait on the device, then reach the server', async () => {
    const { api, open } = setup();
    const store = await open();
    await store.refresh(TOKEN);
    api.setOnline(false);
    await store.follow(asGym(SECOND_GYM));
    await store.unfollow(asGym(TEST_GYM, { following: true }));
    await store.refresh(TOKEN);
    expect(names(store.getState().gyms)).toEqual([['Boulderwerk Zürich', true]]);
    expect(store.getState().pending).toHaveLength(2);

    // Closed and opened again before a connection: nothing is lost.
    const reopened = await open();
    expect(reopened.getState().pending.map((p) => [p.gym.id, p.follow])).toEqual([
      [SECOND_GYM.id, true],
      [TEST_GYM.id, false],
    ]);
    api.setOnline(true);
    await reopened.refresh(TOKEN);
    expect(reopened.getState().pending).toEqual([]);
    expect([...api.gyms.follows]).toEqual([SECOND_GYM.id]);
    expect(names(reopened.getState().gyms)).toEqual([['Boulderwerk Zürich', true]]);
  });

  it('only the last change of a gym is sent', async () => {
    const { api, open } = setup();
    const store = await open();
    api.setOnline(false);
    await store.follow(asGym(SECOND_GYM));
    await store.unfollow(asGym(SECOND_GYM));
    expect(store.getState().pending.map((p) => p.follow)).toEqual([false]);
    api.setOnline(true);
    await store.refresh(TOKEN);
    expect(api.requests.filter((r) => r.path.startsWith('/me/gyms/')).map((r) => r.method)).toEqual(
      ['DELETE'],
    );
  });

  it('a gym gone from the server drops its change and says so', async () => {
    const { api, open } = setup();
    const store = await open();
    await store.follow(asGym({ ...SECOND_GYM, id: 'gym-gone', name: 'Gone Gym' }));
    await store.refresh(TOKEN);
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().lastError).toBe('Gone Gym is no longer on the server.');
    expect(names(store.getState().gyms)).toEqual([['Sendlog Test Gym', true]]);
    expect(api.gyms.follows.has('gym-gone')).toBe(false);
  });

  it('on a server of one gym, an account that follows nothing follows it, once', async () => {
    const { api, open } = setup((fake) => {
      fake.gyms.gyms.splice(1);
      fake.gyms.follows.clear();
    });
    const store = await open();
    await store.refresh(TOKEN);
    expect(names(store.getState().gyms)).toEqual([['Sendlog Test Gym', true]]);
    expect(api.gyms.follows.has(TEST_GYM.id)).toBe(true);

    // Unfollowed later on purpose: not followed again behind the climber's back.
    await store.unfollow(store.getState().gyms![0]!);
    await store.refresh(TOKEN);
    expect(store.getState().gyms).toEqual([]);
    expect(api.gyms.follows.size).toBe(0);
  });

  it('on a server of several gyms, follows nothing by itself', async () => {
    const { api, open } = setup((fake) => fake.gyms.follows.clear());
    const store = await open();
    await store.refresh(TOKEN);
    expect(store.getState().gyms).toEqual([]);
    expect(api.gyms.follows.size).toBe(0);
  });
});
