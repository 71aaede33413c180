import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import { createFakeApi, type FakeApi } from '../../testing/fakeApi';
import { renderApp, signedInStorage } from '../../testing/renderApp';

const climbRequests = (api: FakeApi) =>
  api.requests.filter((r) => r.path.endsWith('/climbs')).map((r) => r.path);

describe('LayoutsScreen', () => {
  it('offline on a device that never downloaded the catalogue: says so and offers a retry', async () => {
    renderApp({ storage: await signedInStorage(), online: false });
    expect(await screen.findByText(/No walls on this device yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('lists the layouts, then opens them offline from the cache, refreshed with ETags', async () => {
    const storage = await signedInStorage(createMemoryStorage());
    const online = renderApp({ storage });
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
    expect(screen.getByText('Crimps and slopers')).toBeTruthy();
    // The gym's climbs in one request, not one per wall.
    await waitFor(() => expect(climbRequests(online.api)).toEqual(['/gyms/gym-1/climbs']));
    online.screen.unmount();
    online.services.dispose();

    const offline = renderApp({ storage, online: false });
    fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
    expect(await screen.findByText('Crimp School')).toBeTruthy();
    offline.screen.unmount();
    offline.services.dispose();

    const again = renderApp({ storage });
    await waitFor(() => expect(climbRequests(again.api)).toHaveLength(1));
    const revalidation = again.api.requests.find((r) => r.path === '/gyms/gym-1/climbs');
    expect(revalidation?.headers['if-none-match']).toMatch(/^"gym-climbs-/);
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
  });

  it('asks wall by wall a server without a gym’s climbs in one request', async () => {
    const api = createFakeApi();
    api.withoutGymClimbs();
    renderApp({ storage: await signedInStorage(), api });
    await waitFor(() =>
      expect(climbRequests(api)).toEqual([
        '/gyms/gym-1/climbs',
        '/layouts/wall/climbs',
        '/layouts/cave/climbs',
      ]),
    );
    fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
    expect(await screen.findByText('Crimp School')).toBeTruthy();
  });

  it('offers to resume a session in progress', async () => {
    const { services } = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    act(() => {
      services.getAccount()?.store.startSession({ layoutId: 'wall' });
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Resume session' }));
    expect(await screen.findByLabelText('Session in progress')).toBeTruthy();
  });
});
