import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { createMemoryStorage } from '@sendlog/sync';
import { renderApp, signedInStorage } from '../../testing/renderApp';

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
    await waitFor(() =>
      expect(online.api.requests.filter((r) => r.path.endsWith('/climbs'))).toHaveLength(2),
    );
    online.screen.unmount();
    online.services.dispose();

    const offline = renderApp({ storage, online: false });
    fireEvent.press(await screen.findByRole('link', { name: 'Main Wall' }));
    expect(await screen.findByText('Crimp School')).toBeTruthy();
    offline.screen.unmount();
    offline.services.dispose();

    const again = renderApp({ storage });
    await waitFor(() =>
      expect(again.api.requests.filter((r) => r.path.endsWith('/climbs'))).toHaveLength(2),
    );
    expect(
      again.api.requests
        .filter((r) => r.path.endsWith('/climbs'))
        .map((r) => r.headers['if-none-match']),
    ).toEqual(['"climbs-wall-v1"', '"climbs-cave-v1"']);
    expect(await screen.findByRole('link', { name: 'Main Wall' })).toBeTruthy();
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
