import { act, fireEvent, screen } from '@testing-library/react-native';
import { createFakeApi } from '../../testing/fakeApi';
import { SECOND_GYM } from '../../testing/fakeGyms';
import { renderApp, signedInStorage, type RenderedApp } from '../../testing/renderApp';

/** A finished session at `layoutId`, logged straight into the device's store. */
function logSession(app: RenderedApp, layoutId: string, climbId: string): void {
  const store = app.services.getAccount()?.store;
  if (!store) throw new Error('no account');
  act(() => {
    const session = store.startSession({ layoutId });
    store.logRoute(session.id, { climbId, isSuccess: true, attempts: 1 });
    store.endSession(session.id);
  });
}

const pyramidText = () =>
  screen.getByRole('image', { name: /^Grade pyramid/ }).props['aria-label'] as string;
const gymRadio = (name: string) => screen.getByRole('radio', { name });

describe('Progress and History by gym', () => {
  it('offers no gym filter to a climber of one gym', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    logSession(app, 'wall', 'c-crimp');
    fireEvent.press(screen.getByRole('button', { name: /Progress/ }));
    await screen.findByRole('radio', { name: '12 weeks' });
    expect(screen.queryByRole('radio', { name: 'All gyms' })).toBeNull();
  });

  it('counts all gyms or one, offline, by the gym of each session’s wall', async () => {
    const api = createFakeApi();
    api.gyms.follows.add(SECOND_GYM.id);
    const app = renderApp({ storage: await signedInStorage(), api });
    await screen.findByRole('link', { name: 'Arête Wall' });
    app.setOnline(false);
    logSession(app, 'wall', 'c-crimp');
    logSession(app, 'arete', 'z-lake');
    logSession(app, 'cave', 'c-heel');

    fireEvent.press(screen.getByRole('button', { name: /Progress/ }));
    await screen.findByRole('radio', { name: '12 weeks' });
    expect(gymRadio('All gyms').props.accessibilityState).toMatchObject({ checked: true });
    // Both gyms: 6B+ is V4 in the table (and V4 once more from the Cave), V2 from Main Wall.
    expect(pyramidText()).toMatch(/V4: 2 flashed.*V2: 1 flashed/);

    fireEvent.press(gymRadio('Boulderwerk Zürich'));
    expect(pyramidText()).toBe(
      'Grade pyramid, climbs by best result, hardest first. V4: 1 flashed, 0 sent, 0 tried only.',
    );
    fireEvent.press(gymRadio('Sendlog Test Gym'));
    expect(pyramidText()).toMatch(/V4: 1 flashed.*; V2: 1 flashed/);

    // History: the same choice of its own, each session named with its gym.
    fireEvent.press(screen.getByRole('button', { name: /History/ }));
    await screen.findAllByText(/Pending sync/);
    expect(screen.getAllByText(/^Sendlog Test Gym · /)).toHaveLength(2);
    expect(screen.getAllByText(/^Boulderwerk Zürich · /)).toHaveLength(1);
    fireEvent.press(gymRadio('Boulderwerk Zürich'));
    expect(screen.queryAllByText(/^Sendlog Test Gym · /)).toHaveLength(0);
    expect(screen.getAllByText(/^Boulderwerk Zürich · /)).toHaveLength(1);
    expect(screen.getByText('Arête Wall')).toBeTruthy();
  });
});
