import { act, fireEvent, screen } from '@testing-library/react-native';
import { logRoute, openLayout } from '../../testing/flows';
import { TEST_PASSWORD, TEST_USER } from '../../testing/fakeApi';
import { renderApp, signedInStorage } from '../../testing/renderApp';

async function openProfile(): Promise<void> {
  fireEvent.press(screen.getByRole('button', { name: /Profile/ }));
  await screen.findByText(TEST_USER.email);
}

describe('ProfileScreen', () => {
  it('shows the account, what is pending, and syncs on "Sync now"', async () => {
    const app = renderApp({ storage: await signedInStorage(), online: false });
    await screen.findByText(/No walls on this device yet/);
    act(() => {
      const store = app.services.getAccount()?.store;
      const session = store?.startSession({ layoutId: 'wall' });
      if (!store || !session) throw new Error('no account');
      store.logRoute(session.id, { climbId: 'c-crimp', isSuccess: true, attempts: 2 });
      store.endSession(session.id);
    });

    await openProfile();
    expect(screen.getByText('Ada')).toBeTruthy();
    expect(screen.getByText('Sessions pending sync: 1')).toBeTruthy();
    expect(screen.getByText('Last successful sync: never')).toBeTruthy();

    app.api.setOnline(true);
    fireEvent.press(screen.getByRole('button', { name: 'Sync now' }));
    expect(
      await screen.findByText('Sessions pending sync: 0', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.queryByText('Last successful sync: never')).toBeNull();
    expect(app.api.serverSessions).toHaveLength(1);
  });

  it('warns before signing out with unsynced sessions, keeps them, and syncs them after sign-in', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.setOnline(false);
    await openLayout();
    fireEvent.press(screen.getByRole('button', { name: 'Start session' }));
    await logRoute('Dyno Mite', { attempts: '3' });
    fireEvent.press(screen.getByRole('button', { name: 'End session' }));
    await screen.findByText('⏳ Pending sync');
    await app.services.getAccount()?.store.flush();

    await openProfile();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByText(/1 session is not synced yet\. They stay on this device/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.press(screen.getByRole('button', { name: 'Sign out anyway' }));
    expect(await screen.findByLabelText('Email')).toBeTruthy();

    app.setOnline(true);
    fireEvent.changeText(screen.getByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('link', { name: 'Main Wall' });
    fireEvent.press(screen.getByRole('button', { name: /History/ }));
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions[0]?.routes.map((r) => [r.climbId, r.attempts])).toEqual([
      ['c-dyno', 3],
    ]);
  });

  it('signs out at once when everything is synced', async () => {
    renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    await openProfile();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Email')).toBeTruthy();
  });

  it('signs out on every device: the server revokes the account tokens', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    await openProfile();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out on every device' }));

    // Offline it says so and stays signed in.
    app.setOnline(false);
    fireEvent.press(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText(/needs a connection/)).toBeTruthy();
    expect(screen.getByText(TEST_USER.email)).toBeTruthy();

    app.setOnline(true);
    fireEvent.press(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByLabelText('Email')).toBeTruthy();
    // The server was asked to revoke the token: it no longer works anywhere.
    const logout = app.api.requests.filter((r) => r.path === '/auth/logout').at(-1);
    expect(logout?.headers.authorization).toBe('Bearer token-1');
    const afterwards = await app.api.fetch('http://sendlog.test/sessions/sync/bulk', {
      method: 'POST',
      headers: { authorization: 'Bearer token-1', 'content-type': 'application/json' },
      body: JSON.stringify({ sessions: [] }),
    });
    expect(afterwards.status).toBe(401);
    expect(await app.storage.getItem('sendlog.auth')).toBeNull();
  });
});
