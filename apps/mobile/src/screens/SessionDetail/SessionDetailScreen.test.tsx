import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { logRoute, openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

describe('SessionDetailScreen', () => {
  it('Delete session goes back to History with an Undo that restores it, offline', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School', { attempts: '2' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    fireEvent.press(await screen.findByRole('link', { name: /Main Wall/ }));
    await screen.findByLabelText('Route Crimp School');

    fireEvent.press(screen.getByRole('button', { name: 'Delete session' }));
    expect(await screen.findByText(/No sessions yet/)).toBeTruthy();
    expect(screen.getByText(/^Deleted Main Wall, /)).toBeTruthy();
    // Never synced: nothing is kept for the server.
    expect(app.services.getAccount()?.store.getSessions()).toHaveLength(0);

    fireEvent.press(screen.getByRole('button', { name: 'Undo' }));
    fireEvent.press(await screen.findByRole('link', { name: /Main Wall/ }));
    expect(await screen.findByLabelText('Route Crimp School')).toBeTruthy();

    // Back online, the restored session syncs like any other.
    app.setOnline(true);
    await waitFor(() => expect(app.api.serverSessions).toHaveLength(1), { timeout: 10_000 });
    expect(app.api.deletedSessions).toEqual([]);
  });

  it('deletes the active session too: it stops being active', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Crimp School');
    const store = app.services.getAccount()!.store;
    const active = store.getActiveSession()!;
    expect(active).not.toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'History' }));
    fireEvent.press(await screen.findByRole('link', { name: /Main Wall/ }));
    fireEvent.press(await screen.findByRole('button', { name: 'Delete session' }));
    expect(await screen.findByText(/No sessions yet/)).toBeTruthy();
    expect(store.getActiveSession()).toBeNull();
  });
});
