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

    fireEvent.press(screen.getByRole('button', { name: 'Undo delete' }));
    fireEvent.press(await screen.findByRole('link', { name: /Main Wall/ }));
    expect(await screen.findByLabelText('Route Crimp School')).toBeTruthy();

    // Back online, the restored session syncs like any other.
    app.setOnline(true);
    await waitFor(() => expect(app.api.serverSessions).toHaveLength(1), { timeout: 10_000 });
    expect(app.api.deletedSessions).toEqual([]);
  });

  it('"End session" has an Undo that resumes it on its wall; an ended one gains a forgotten climb', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    const store = app.services.getAccount()!.store;
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    fireEvent.press(screen.getByRole('button', { name: 'Sent: Crimp School' }));
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    expect(await screen.findByText('Session ended.')).toBeTruthy();
    expect(store.getSessions().map((s) => s.status)).toEqual(['completed']);

    fireEvent.press(screen.getByRole('button', { name: 'Undo end session' }));
    expect(await screen.findByLabelText('Session in progress')).toBeTruthy();
    expect(store.getActiveSession()?.routes.map((r) => r.climbId)).toEqual(['c-crimp']);
    expect(store.getActiveSession()?.endTime).toBeNull();

    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    fireEvent.press(await screen.findByRole('link', { name: /Main Wall/ }));
    fireEvent.press(await screen.findByRole('button', { name: 'Add a climb' }));
    fireEvent.changeText(screen.getByLabelText('Find a climb'), 'dyno');
    expect(screen.queryByRole('button', { name: 'V2 Crimp School' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'V5 Dyno Mite' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Not sent' }));
    fireEvent.changeText(screen.getByLabelText('Attempts'), '3');
    fireEvent.press(screen.getByRole('button', { name: 'Save route' }));
    expect(await screen.findByLabelText('Route Dyno Mite')).toBeTruthy();
    const [session] = store.getSessions();
    expect(session?.routes.map((r) => [r.climbId, r.isSuccess, r.attempts])).toEqual([
      ['c-crimp', true, 1],
      ['c-dyno', false, 3],
    ]);
    // Logged on the session's day, not on the day it was added.
    expect(session?.routes[1]?.loggedAt).toBe(session?.endTime);
    expect(session?.status).toBe('completed');
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
