import { act, fireEvent, screen } from '@testing-library/react-native';
import { createSessionStore } from '@sendlog/sync';
import type { KeyValueStorage } from '@sendlog/sync';
import { accountStorage } from '../../storage/accountData';
import { OTHER_ACCOUNT, TEST_PASSWORD, TEST_USER } from '../../testing/fakeApi';
import { renderApp, signedInStorage } from '../../testing/renderApp';

/** Another climber who logged on this phone before: one ended session, not synced yet. */
async function otherClimberOn(storage: KeyValueStorage): Promise<string> {
  const store = await createSessionStore({ storage: accountStorage(storage, OTHER_ACCOUNT.id) });
  const session = store.startSession({ layoutId: 'wall' });
  store.logRoute(session.id, { climbId: 'c-crimp', isSuccess: true, attempts: 2 });
  store.endSession(session.id);
  await store.flush();
  return session.id;
}

const keysOf = async (storage: KeyValueStorage, userId: string) =>
  (await storage.getAllKeys()).filter((k) => k.startsWith(`sendlog.user.${userId}.`));

/** Profile → Delete account → past the export → the password step. */
async function toPasswordStep(): Promise<void> {
  fireEvent.press(screen.getByRole('button', { name: /Profile/ }));
  fireEvent.press(await screen.findByRole('button', { name: 'Delete account' }));
  // The export comes first: the copy the climber keeps.
  expect(screen.getByRole('button', { name: 'Export a copy as JSON' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Export a copy as CSV' })).toBeTruthy();
  fireEvent.press(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByLabelText('Your password');
}

/** One ended session of the signed-in climber, on the device only. */
function logOffline(app: ReturnType<typeof renderApp>): void {
  act(() => {
    const store = app.services.getAccount()?.store;
    const session = store?.startSession({ layoutId: 'wall' });
    if (!store || !session) throw new Error('no account');
    store.logRoute(session.id, { climbId: 'c-dyno', isSuccess: true, attempts: 1 });
    store.endSession(session.id);
  });
}

describe('Delete account', () => {
  it('offers the export, asks the password, deletes, signs out, and forgets only this account', async () => {
    const storage = await signedInStorage();
    const theirs = await otherClimberOn(storage);
    const app = renderApp({ storage, online: false });
    await screen.findByText(/No walls on this device yet/);
    logOffline(app);
    await app.services.getAccount()?.store.flush();
    expect(await keysOf(storage, TEST_USER.id)).not.toEqual([]);
    app.setOnline(true);

    await toPasswordStep();
    fireEvent.changeText(screen.getByLabelText('Your password'), 'not it');
    fireEvent.press(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('That is not your current password.')).toBeTruthy();
    expect(app.api.accountDeleted).toBe(false);

    fireEvent.changeText(screen.getByLabelText('Your password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByLabelText('Email')).toBeTruthy();
    expect(app.api.accountDeleted).toBe(true);
    expect(await keysOf(storage, TEST_USER.id)).toEqual([]);
    expect(await storage.getItem('sendlog.auth')).toBeNull();

    // The other climber of this phone keeps their session, still waiting to sync.
    const other = await createSessionStore({
      storage: accountStorage(storage, OTHER_ACCOUNT.id),
    });
    expect(other.getSessions().map((s) => [s.id, s.status])).toEqual([[theirs, 'completed']]);
  });

  it("tells a gym's only admin what to do first, and deletes nothing", async () => {
    const storage = await signedInStorage();
    const app = renderApp({ storage });
    await screen.findByRole('link', { name: 'Main Wall' });
    logOffline(app);
    app.api.refuseDeletion('last_gym_admin');
    await toPasswordStep();
    fireEvent.changeText(screen.getByLabelText('Your password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText(/^You are the only admin of a gym\./)).toBeTruthy();
    expect(app.services.auth.getState()).toMatchObject({ status: 'signedIn' });
    expect(app.services.getAccount()?.store.getSessions()).toHaveLength(1);
    expect(await keysOf(storage, TEST_USER.id)).not.toEqual([]);
  });

  it('says offline that deleting needs a connection, and keeps everything', async () => {
    const storage = await signedInStorage();
    const app = renderApp({ storage, online: false });
    await screen.findByText(/No walls on this device yet/);
    logOffline(app);
    await toPasswordStep();
    expect(
      screen.getByText('You are offline: deleting your account needs a connection.'),
    ).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('Your password'), TEST_PASSWORD);
    fireEvent.press(screen.getByRole('button', { name: 'Delete my account' }));
    expect(
      await screen.findByText('Deleting your account needs a connection. Try again when online.'),
    ).toBeTruthy();
    expect(app.services.getAccount()?.store.getSessions()).toHaveLength(1);
    fireEvent.press(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Delete account' })).toBeTruthy();
  });
});
