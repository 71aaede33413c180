import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import { createSendlogApi } from '../api/sendlogApi';
import { createFakeApi, TEST_PASSWORD, TEST_USER } from '../testing/fakeApi';
import { createAuthStore } from './authStore';
import type { AuthResult } from './authStore';

async function signedIn() {
  const api = createFakeApi();
  const storage = createMemoryStorage();
  const http = createHttpClient({ baseUrl: 'http://sendlog.test', fetch: api.fetch });
  const auth = createAuthStore({ storage, api: createSendlogApi(http) });
  await auth.load();
  expect(await auth.signIn(TEST_USER.email, TEST_PASSWORD)).toEqual({ ok: true });
  return { api, auth, storage, http };
}

describe('changing the password', () => {
  it('replaces the token with the new one, kept for the next start', async () => {
    const { api, auth, storage, http } = await signedIn();
    expect(await auth.changePassword(TEST_PASSWORD, 'a brand new secret')).toEqual({ ok: true });
    expect(auth.getToken()).toBe('token-2');
    const restarted = createAuthStore({ storage, api: createSendlogApi(http) });
    await restarted.load();
    expect(restarted.getToken()).toBe('token-2');
    expect(api.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/me/password',
      headers: { authorization: 'Bearer token-1' },
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' },
    });
  });

  it('says what is wrong: the current password, a new one too short, no connection', async () => {
    const { api, auth } = await signedIn();
    expect(await auth.changePassword('not it', 'a brand new secret')).toEqual({
      ok: false,
      message: 'That is not your current password.',
    });
    const sent = api.requests.length;
    expect(await auth.changePassword(TEST_PASSWORD, 'short')).toEqual({
      ok: false,
      message: 'The new password must be at least 8 characters.',
    });
    expect(api.requests).toHaveLength(sent);
    api.setOnline(false);
    expect(await auth.changePassword(TEST_PASSWORD, 'a brand new secret')).toEqual({
      ok: false,
      message: 'Changing your password needs a connection. Try again when online.',
    });
    expect(auth.getToken()).toBe('token-1');
  });

  it('a refusal of the old token, answered after the change, does not end the new sign-in', async () => {
    const { auth } = await signedIn();
    await auth.changePassword(TEST_PASSWORD, 'a brand new secret');
    // A sync that went out with the old token comes back 401.
    auth.markExpired('token-1');
    expect(auth.getState()).toMatchObject({ status: 'signedIn', expired: false });
    auth.markExpired('token-2');
    expect(auth.getState()).toMatchObject({ status: 'signedIn', expired: true });
  });

  it('a change made on another device makes this one ask for a new sign-in', async () => {
    const { api, auth } = await signedIn();
    api.changePasswordElsewhere('changed elsewhere');
    expect(await auth.changePassword(TEST_PASSWORD, 'a brand new secret')).toEqual({
      ok: false,
      message: 'Your sign-in expired. Sign in again, then try once more.',
    });
    expect(auth.getState()).toMatchObject({ status: 'signedIn', expired: true });
  });
});

const messageOf = (result: AuthResult) => (result.ok ? null : result.message);

describe('deleting the account', () => {
  it('signs out once the server deleted it, and names the account for the device to forget', async () => {
    const { api, auth, storage } = await signedIn();
    expect(await auth.deleteAccount(TEST_PASSWORD)).toEqual({ ok: true, userId: TEST_USER.id });
    expect(api.accountDeleted).toBe(true);
    expect(auth.getState()).toEqual({ status: 'signedOut' });
    expect(await storage.getItem('sendlog.auth')).toBeNull();
  });

  it('stays signed in when refused, saying why', async () => {
    const { api, auth } = await signedIn();
    expect(await auth.deleteAccount('guess')).toEqual({
      ok: false,
      message: 'That is not your current password.',
    });
    api.refuseDeletion('last_gym_admin');
    expect(messageOf(await auth.deleteAccount(TEST_PASSWORD))).toMatch(
      /^You are the only admin of a gym\. Make another of its staff an admin first/,
    );
    api.refuseDeletion('last_admin');
    expect(messageOf(await auth.deleteAccount(TEST_PASSWORD))).toBe(
      'You are the only admin of this server. Make another account an admin first.',
    );
    api.refuseDeletion(null);
    api.setOnline(false);
    expect(messageOf(await auth.deleteAccount(TEST_PASSWORD))).toBe(
      'Deleting your account needs a connection. Try again when online.',
    );
    expect(api.accountDeleted).toBe(false);
    expect(auth.getState()).toMatchObject({ status: 'signedIn', expired: false });
  });
});
