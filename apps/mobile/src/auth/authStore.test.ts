import { createMemoryStorage } from '@sendlog/sync';
import type { FetchLike } from '../api/http';
import { createAuthStore } from './authStore';

/** A server that answers every request with one error response, as the real API words it. */
function refusing(status: number, error: object, headers: Record<string, string> = {}) {
  const fetch: FetchLike = async () => ({
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => JSON.stringify({ error }),
  });
  return createAuthStore({ storage: createMemoryStorage(), baseUrl: 'http://sendlog.test', fetch });
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
});
