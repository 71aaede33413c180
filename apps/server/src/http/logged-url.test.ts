import { describe, expect, it } from 'vitest';
import { tokenSigner } from '../auth/tokens.js';
import { loggedUrl } from './logged-url.js';

const token = tokenSigner('log-test').sign({ sub: '00000000-0000-4000-8000-000000000000', ver: 0 });

describe('loggedUrl', () => {
  it('replaces a token wherever it stands', () => {
    expect(loggedUrl(`/me?token=${token}`)).toBe('/me?token=[redacted]');
    expect(loggedUrl(`/sessions?limit=5&t=${token}`)).toBe('/sessions?limit=5&t=[redacted]');
    expect(loggedUrl(`/${token}/me`)).toBe('/[redacted]/me');
  });

  it('replaces the value of a parameter named as a credential, whatever it holds', () => {
    expect(loggedUrl('/me?access_token=abc&limit=5')).toBe('/me?access_token=[redacted]&limit=5');
    expect(loggedUrl('/me?Authorization=Bearer%20x')).toBe('/me?Authorization=[redacted]');
    expect(loggedUrl('/me?api%5Fkey=k')).toBe('/me?api%5Fkey=[redacted]');
  });

  it('keeps everything else as it came', () => {
    for (const url of [
      '/sessions?limit=50&cursor=abc.def',
      '/stats?from=2026-01-01T00:00:00Z&tz=Europe%2FBerlin',
      '/layouts',
      '/me?%E0%A4%A=1',
    ]) {
      expect(loggedUrl(url)).toBe(url);
    }
  });
});
