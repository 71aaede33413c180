import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';
import { logRoute, openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';
import type { RenderedApp } from '../../testing/renderApp';

async function endOneSession(app: RenderedApp, climb = 'Crimp School'): Promise<void> {
  await openLayout();
  fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
  await logRoute(climb, { attempts: '2' });
  fireEvent.press(screen.getByRole('button', { name: 'End session' }));
  await screen.findByRole('button', { name: 'Sync now' });
  await app.services.getAccount()?.store.flush();
}

describe('SessionHistoryScreen', () => {
  it('shows an offline session as pending, then synced once the network is back', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await endOneSession(app);
    expect(await screen.findByText('⏳ Pending sync')).toBeTruthy();
    expect(screen.getByText(/1 route · 1 send/)).toBeTruthy();

    app.setOnline(true);
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions).toHaveLength(1);
    expect(screen.queryByText('⏳ Pending sync')).toBeNull();
  });

  it('shows a refused session with its reason; Edit opens it, and after the edit it syncs', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.api.rejectClimb('c-crimp');
    await endOneSession(app);
    expect(await screen.findByText('Sync failed', {}, { timeout: 10_000 })).toBeTruthy();
    expect(
      screen.getByText(
        'Refused by the server: climbId of "Crimp School" does not name a known climb',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/could not be synced/)).toBeTruthy();

    fireEvent.press(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.press(await screen.findByRole('button', { name: 'More for Crimp School' }));
    fireEvent.press(screen.getByRole('button', { name: 'Remove Crimp School' }));
    fireEvent.changeText(screen.getByLabelText('Session notes'), 'that climb was not in this gym');
    fireEvent.press(screen.getByRole('button', { name: 'Save notes' }));
    app.api.acceptAll();
    await waitFor(() => expect(app.api.serverSessions).toHaveLength(1), { timeout: 10_000 });
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions[0]?.notes).toBe('that climb was not in this gym');
  });

  it('Retry sends a refused session again as it is', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.api.rejectClimb('c-crimp');
    await endOneSession(app);
    await screen.findByText('Sync failed', {}, { timeout: 10_000 });
    app.api.acceptAll();
    fireEvent.press(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('Discard asks first, then deletes the refused session from the device', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.api.rejectClimb('c-crimp');
    await endOneSession(app);
    await screen.findByText('Sync failed', {}, { timeout: 10_000 });
    fireEvent.press(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByText('Delete this session from this device?')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.getByText('Sync failed')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Discard' }));
    fireEvent.press(screen.getByRole('button', { name: 'Discard session' }));
    expect(await screen.findByText(/No sessions yet/)).toBeTruthy();
    expect(app.services.getAccount()?.store.getSessions()).toHaveLength(0);
  });

  it('opens a session with its routes', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    await endOneSession(app, 'Dyno Mite');
    // The row's link is named by all it shows: the layout, its sync state, date and counts.
    fireEvent.press(await screen.findByRole('link', { name: /1 route · 1 send/ }));
    const route = await screen.findByLabelText('Route Dyno Mite');
    expect(within(route).getByText('V5')).toBeTruthy();
    expect(within(route).getByText(/Sent · 2 attempts/)).toBeTruthy();
  });

  it('Delete takes a session off History at once, offline, and Undo puts it back as it was', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    await endOneSession(app);
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    const before = app.services.getAccount()?.store.getSessions()[0];
    app.setOnline(false);

    // Delete waits in the card's ⋯ menu, not as a red button on every card.
    expect(screen.queryByRole('button', { name: /^Delete Main Wall, / })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: /^More for Main Wall, / }));
    fireEvent.press(screen.getByRole('button', { name: /^Delete Main Wall, / }));
    expect(await screen.findByText(/No sessions yet/)).toBeTruthy();
    expect(screen.getByText(/^Deleted Main Wall, /)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Undo delete' }));
    expect(await screen.findByRole('link', { name: /Main Wall/ })).toBeTruthy();
    expect(screen.queryByText(/^Deleted Main Wall, /)).toBeNull();
    expect(app.services.getAccount()?.store.getSessions()[0]).toBe(before);
    expect(app.api.serverSessions).toHaveLength(1);
    expect(app.api.deletedSessions).toEqual([]);
  });

  it('without Undo the strip goes after a few seconds and the server drops the session', async () => {
    const app = renderApp({ storage: await signedInStorage(), undoMs: 1_000 });
    await screen.findByRole('link', { name: 'Main Wall' });
    await endOneSession(app);
    await screen.findByText('Synced', {}, { timeout: 10_000 });
    const id = app.services.getAccount()?.store.getSessions()[0]?.id;

    // Delete waits in the card's ⋯ menu, not as a red button on every card.
    expect(screen.queryByRole('button', { name: /^Delete Main Wall, / })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: /^More for Main Wall, / }));
    fireEvent.press(screen.getByRole('button', { name: /^Delete Main Wall, / }));
    expect(screen.getByRole('button', { name: 'Undo delete' })).toBeTruthy();
    // Held back while Undo is offered.
    expect(app.api.deletedSessions).toEqual([]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo delete' })).toBeNull(), {
      // Undo offered for 1 s here. Each query of this screen can hold the event loop for seconds
      // on a loaded machine (late timers): few of them, and room to wait.
      timeout: 20_000,
      interval: 1_000,
    });
    await waitFor(() => expect(app.api.deletedSessions).toEqual([id]), { timeout: 5_000 });
    expect(app.api.serverSessions).toHaveLength(0);
    expect(screen.getByText(/No sessions yet/)).toBeTruthy();
  }, 40_000);
});
