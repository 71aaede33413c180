import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import { createSendlogApi } from '../api/sendlogApi';
import { createFakeApi, TEST_PASSWORD, TEST_USER } from '../testing/fakeApi';
import { createAuthStore } from './authStore';
import type { AuthStore } from './authStore';

const NOW = Date.parse('2026-11-20T18:00:00Z');

function storeOver(fetch: FetchLike, timeoutMs?: number) {
  const http = createHttpClient({
    baseUrl: 'http://sendlog.test',
    fetch,
    now: () => NOW,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return createAuthStore({ storage: createMemoryStorage(), api: createSendlogApi(http) });
}

/** A server that answers every request with one error response, as the real API words it. */
function refusing(status: number, error: object, headers: Record<string, string> = {}) {
  const fetch: FetchLike = async () => ({
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => JSON.stringify({ error }),
  });
  return storeOver(fetch);
}

describe('auth store messages', () => {
  it('names every refused field of a registration, not just the first', async () => {
    const auth = refusing(400, {
      code: 'validation_failed',
      message: 'email must be an email address (and 1 more)',
      details: [
        { path: 'email', message: 'must be an email address' },
        { path: 'password', message: 'must be at least 8 chars' },
      ],
    });
    expect(await auth.register('nope', 'short', '')).toEqual({
      ok: false,
      message: 'Email must be an email address.\nPassword must be at least 8 chars.',
    });
  });

  it('says how long to wait when the server limits attempts', async () => {
    const limited = (retryAfter: string) =>
      refusing(
        429,
        { code: 'rate_limited', message: 'too many requests, try again later' },
        { 'retry-after': retryAfter },
      ).signIn('a@b.c', 'whatever1');
    expect(await limited('42')).toEqual({
      ok: false,
      message: 'Too many attempts. Try again in 42 seconds.',
    });
    expect(await limited('600')).toEqual({
      ok: false,
      message: 'Too many attempts. Try again in 10 minutes.',
    });
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const auth = refusing(
      429,
      { code: 'rate_limited', message: 'too many requests, try again later' },
      { 'retry-after': new Date(NOW + 90_000).toUTCString() },
    );
    expect(await auth.signIn('a@b.c', 'whatever1')).toEqual({
      ok: false,
      message: 'Too many attempts. Try again in 2 minutes.',
    });
  });

  it('tells no connection apart from a server that does not answer', async () => {
    const offline = storeOver(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.signIn('a@b.c', 'whatever1')).toEqual({
      ok: false,
      message: 'You are offline. Sign in once with a connection.',
    });
    const silent = storeOver(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      20,
    );
    expect(await silent.signIn('a@b.c', 'whatever1')).toEqual({
      ok: false,
      message: 'The Sendlog server did not answer in time.',
    });
  });
});

describe('the account kept up to date', () => {
  async function signedIn(api: ReturnType<typeof createFakeApi>) {
    const storage = createMemoryStorage();
    const http = createHttpClient({ baseUrl: 'http://sendlog.test', fetch: api.fetch });
    const auth = createAuthStore({ storage, api: createSendlogApi(http) });
    await auth.load();
    expect(await auth.signIn(TEST_USER.email, TEST_PASSWORD)).toEqual({ ok: true });
    return { auth, storage, http };
  }
  const user = (auth: AuthStore) => {
    const state = auth.getState();
    if (state.status !== 'signedIn') throw new Error('signed out');
    return state.user;
  };

  it('picks up a role granted since sign-in, and keeps it for the next start', async () => {
    const api = createFakeApi();
    const { auth, storage, http } = await signedIn(api);
    api.updateUser({ role: 'setter' });
    await auth.refreshUser();
    expect(user(auth).role).toBe('setter');
    const again = createAuthStore({ storage, api: createSendlogApi(http) });
    await again.load();
    expect(user(again).role).toBe('setter');
  });

  it('shows a grade system chosen offline at once and sends it when back online', async () => {
    const api = createFakeApi();
    const { auth, storage, http } = await signedIn(api);
    api.setOnline(false);
    await auth.setGradeSystem('Font');
    expect(user(auth).gradeSystem).toBe('Font');
    expect(api.user().gradeSystem).toBe('V');

    // The app restarts offline: the choice is still there, and still owed to the server.
    const restarted = createAuthStore({ storage, api: createSendlogApi(http) });
    await restarted.load();
    expect(user(restarted).gradeSystem).toBe('Font');
    api.setOnline(true);
    await restarted.refreshUser();
    expect(api.user().gradeSystem).toBe('Font');
    expect(user(restarted).gradeSystem).toBe('Font');

    // Chosen on another device later: this one follows at its next refresh.
    api.updateUser({ gradeSystem: 'V' });
    await restarted.refreshUser();
    expect(user(restarted).gradeSystem).toBe('V');
  });

  it('stays signed out when an answer from /me lands after the sign-out', async () => {
    const api = createFakeApi();
    let answerMe: () => void = () => undefined;
    const slowMe: typeof api.fetch = async (url, init) => {
      if (url.endsWith('/me')) await new Promise<void>((resolve) => (answerMe = resolve));
      return api.fetch(url, init);
    };
    const storage = createMemoryStorage();
    const http = createHttpClient({ baseUrl: 'http://sendlog.test', fetch: slowMe });
    const auth = createAuthStore({ storage, api: createSendlogApi(http) });
    await auth.load();
    await auth.signIn(TEST_USER.email, TEST_PASSWORD);
    const refreshing = auth.refreshUser();
    await auth.signOut();
    answerMe();
    await refreshing;
    expect(auth.getState()).toEqual({ status: 'signedOut' });
    expect(await storage.getItem('sendlog.auth')).toBeNull();
  });
});
