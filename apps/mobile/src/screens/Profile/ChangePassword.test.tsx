import { act, fireEvent, screen } from '@testing-library/react-native';
import { TEST_PASSWORD, TEST_USER } from '../../testing/fakeApi';
import { renderApp, signedInStorage } from '../../testing/renderApp';

async function openForm(): Promise<void> {
  fireEvent.press(screen.getByRole('button', { name: /Profile/ }));
  fireEvent.press(await screen.findByRole('button', { name: 'Change password' }));
}

function fill(current: string, next: string): void {
  fireEvent.changeText(screen.getByLabelText('Current password'), current);
  fireEvent.changeText(screen.getByLabelText('New password'), next);
  fireEvent.press(screen.getByRole('button', { name: 'Save new password' }));
}

describe('Change password', () => {
  it('says what is wrong, then changes it: this device keeps syncing with the new token', async () => {
    const storage = await signedInStorage();
    const app = renderApp({ storage });
    await screen.findByRole('link', { name: 'Main Wall' });
    await openForm();

    fill('not it', 'a brand new secret');
    expect(await screen.findByText('That is not your current password.')).toBeTruthy();
    fill(TEST_PASSWORD, 'short');
    expect(await screen.findByText('The new password must be at least 8 characters.')).toBeTruthy();
    app.setOnline(false);
    expect(
      screen.getByText('You are offline: changing your password needs a connection.'),
    ).toBeTruthy();
    fill(TEST_PASSWORD, 'a brand new secret');
    expect(
      await screen.findByText('Changing your password needs a connection. Try again when online.'),
    ).toBeTruthy();

    app.setOnline(true);
    fill(TEST_PASSWORD, 'a brand new secret');
    expect(await screen.findByText(/^Password changed\./)).toBeTruthy();
    expect(JSON.parse((await storage.getItem('sendlog.auth')) ?? '{}')).toMatchObject({
      token: 'token-2',
    });
    // A session logged now syncs with the new token.
    act(() => {
      const store = app.services.getAccount()?.store;
      const session = store?.startSession({ layoutId: 'wall' });
      if (!store || !session) throw new Error('no account');
      store.logRoute(session.id, { climbId: 'c-crimp', isSuccess: true, attempts: 1 });
      store.endSession(session.id);
    });
    expect(
      await screen.findByText('Sessions pending sync: 0', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    await act(() => app.services.syncNow());
    expect(app.api.serverSessions).toHaveLength(1);
    expect(screen.queryByText(/Your sign-in expired/)).toBeNull();
  });

  it('a change on another device signs this one out of syncing; nothing logged is lost', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    await screen.findByRole('link', { name: 'Main Wall' });
    app.api.changePasswordElsewhere('changed elsewhere');
    act(() => {
      const store = app.services.getAccount()?.store;
      const session = store?.startSession({ layoutId: 'wall' });
      if (!store || !session) throw new Error('no account');
      store.logRoute(session.id, { climbId: 'c-dyno', isSuccess: false, attempts: 4 });
      store.endSession(session.id);
    });
    expect(await screen.findByText(/Your sign-in expired/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.services.getAccount()?.store.getSessions()).toMatchObject([{ status: 'completed' }]);

    fireEvent.press(screen.getByRole('button', { name: 'Sign in again' }));
    fireEvent.changeText(await screen.findByLabelText('Email'), TEST_USER.email);
    fireEvent.changeText(screen.getByLabelText('Password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Password'), 'changed elsewhere');
    fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('link', { name: 'Main Wall' });
    fireEvent.press(screen.getByRole('button', { name: /History/ }));
    expect(await screen.findByText('Synced', {}, { timeout: 10_000 })).toBeTruthy();
    expect(app.api.serverSessions).toHaveLength(1);
  });
});
