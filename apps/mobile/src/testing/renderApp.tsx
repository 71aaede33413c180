import { act, render } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import type { KeyValueStorage } from '@sendlog/sync';
import { AppRoot } from '../AppRoot';
import { createAppServices } from '../services/appServices';
import type { WallPictures } from '../wallPictures/wallPictures';
import { createFakeApi, TEST_USER } from './fakeApi';
import type { FakeApi } from './fakeApi';
import { createFakeConnectivity } from './fakeConnectivity';

const BASE_URL = 'http://sendlog.test';

const rendered = new Set<{ dispose(): void }>();

/** Stops every app a test rendered (sync engines, timers), so Jest can exit. */
export function disposeRenderedApps(): void {
  for (const services of rendered) services.dispose();
  rendered.clear();
}

/** Storage as a device that signed in before leaves it. */
export async function signedInStorage(storage: KeyValueStorage = createMemoryStorage()) {
  await storage.setItem('sendlog.auth', JSON.stringify({ token: 'token-1', user: TEST_USER }));
  return storage;
}

/** The whole app over in-memory storage, a fake API and switchable connectivity. */
export function renderApp(
  options: {
    storage?: KeyValueStorage;
    api?: FakeApi;
    online?: boolean;
    pictures?: WallPictures;
    /** How long "Undo" is offered, for a test that waits it out. */
    undoMs?: number;
  } = {},
) {
  const api = options.api ?? createFakeApi();
  const storage = options.storage ?? createMemoryStorage();
  const network = createFakeConnectivity(options.online ?? true);
  api.setOnline(options.online ?? true);
  let ids = 0;
  const services = createAppServices({
    storage,
    baseUrl: BASE_URL,
    fetch: api.fetch,
    connectivity: network.connectivity,
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    onForeground: () => () => undefined,
    ...(options.pictures ? { pictures: options.pictures } : {}),
    ...(options.undoMs ? { undoMs: options.undoMs } : {}),
  });
  rendered.add(services);
  const screen = render(<AppRoot services={services} />);
  // Connectivity wakes the sync engine, whose state the screens render: inside act, as a user's
  // event would be.
  const setOnline = (value: boolean) =>
    act(() => {
      api.setOnline(value);
      network.set(value);
    });
  return { screen, services, api, storage, setOnline };
}

export type RenderedApp = ReturnType<typeof renderApp>;
