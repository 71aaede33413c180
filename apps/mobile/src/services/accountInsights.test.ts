import type { KeyValueStorage } from '@sendlog/sync';
import { INSIGHTS_FIXTURE } from '../insights/insightsFixture';
import { createFakeApi, TEST_PASSWORD } from '../testing/fakeApi';
import { createFakeConnectivity } from '../testing/fakeConnectivity';
import { signedInStorage } from '../testing/renderApp';
import { createAppServices, type AppServices } from './appServices';

const started: AppServices[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.dispose();
});

/** The app's services as a start of the app opens them: offline, over the device's storage. */
async function start(storage: KeyValueStorage): Promise<AppServices> {
  const api = createFakeApi();
  api.setOnline(false);
  const services = createAppServices({
    storage,
    baseUrl: 'http://sendlog.test',
    fetch: api.fetch,
    connectivity: createFakeConnectivity(false).connectivity,
    onForeground: () => () => undefined,
  });
  started.push(services);
  await services.start();
  return services;
}

const answer = { insights: INSIGHTS_FIXTURE, fetchedAt: Date.parse('2026-02-11T12:00:00Z') };

describe("an account's last insights", () => {
  it('are there after a restart, under the account, and gone at sign-out', async () => {
    const storage = await signedInStorage();
    const first = await start(storage);
    await first.getAccount()!.insights.remember('gym-1', 8, answer);
    first.dispose();

    const again = await start(storage);
    expect(again.getAccount()!.insights.last('gym-1', 8)).toEqual(answer);
    const keys = await storage.getAllKeys();
    expect(keys.filter((k) => k.includes('insights.'))).toEqual([
      'sendlog.user.user-1.insights.gym-1.8',
    ]);

    await again.signOut();
    expect((await storage.getAllKeys()).some((k) => k.includes('insights.'))).toBe(false);
  });

  it('go with the account when it is deleted', async () => {
    const storage = await signedInStorage();
    const api = createFakeApi();
    const services = createAppServices({
      storage,
      baseUrl: 'http://sendlog.test',
      fetch: api.fetch,
      connectivity: createFakeConnectivity(true).connectivity,
      onForeground: () => () => undefined,
    });
    started.push(services);
    await services.start();
    await services.getAccount()!.insights.remember('gym-1', 8, answer);
    expect((await services.deleteAccount(TEST_PASSWORD)).ok).toBe(true);
    expect((await storage.getAllKeys()).some((k) => k.includes('insights.'))).toBe(false);
  });
});
