import { createHttpClient, createMemoryStorage } from '@sendlog/sync';
import type { FetchLike } from '@sendlog/sync';
import { createSendlogApi } from '../api/sendlogApi';
import { createAuthStore } from './authStore';

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
