import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { renderApp, signedInStorage } from '../testing/renderApp';

describe('a session somewhere else, offline', () => {
  it('starts at a place, takes climbs not on any wall, ends, and syncs once online', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    const store = app.services.getAccount()!.store;

    fireEvent.press(screen.getByRole('button', { name: 'Log somewhere else' }));
    fireEvent.changeText(screen.getByLabelText('Where are you climbing?'), ' Smith Rock ');
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    expect(await screen.findByRole('heading', { name: 'Smith Rock' })).toBeTruthy();
    expect(store.getActiveSession()).toMatchObject({ layoutId: null, place: 'Smith Rock' });

    // A route graded as written.
    fireEvent.press(screen.getByRole('button', { name: 'Add a climb not on the wall' }));
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Give the climb a name.')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Dièdre');
    fireEvent.press(screen.getByRole('radio', { name: 'Route' }));
    fireEvent.press(screen.getByRole('radio', { name: /^Other grade/ }));
    fireEvent.changeText(screen.getByLabelText('Grade as written'), '7b+');
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    fireEvent.changeText(screen.getByLabelText('Attempts'), '4');
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    expect(await screen.findByLabelText('Route Dièdre')).toBeTruthy();
    // Its grade as written, never read as a boulder grade of the table.
    expect(screen.getByText(/^\s*7b\+$/)).toBeTruthy();

    // A boulder from the V picker.
    fireEvent.press(screen.getByRole('button', { name: 'Add a climb not on the wall' }));
    fireEvent.changeText(screen.getByLabelText('Climb name'), 'Roof');
    fireEvent.press(screen.getByRole('radio', { name: 'V5' }));
    fireEvent.press(screen.getByRole('button', { name: 'Next' }));
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    expect(await screen.findByLabelText('Route Roof')).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await waitFor(() => expect(store.getActiveSession()).toBeNull());
    const [session] = store.getSessions();
    expect(session?.routes.map((r) => [r.climbId, r.climb, r.isSuccess, r.attempts])).toEqual([
      [null, { name: 'Dièdre', grade: '7b+', kind: 'route' }, true, 4],
      [null, { name: 'Roof', grade: 'V5', kind: 'boulder' }, true, 1],
    ]);

    app.setOnline(true);
    await waitFor(() => expect(app.api.serverSessions).toHaveLength(1), { timeout: 10_000 });
  });
});
