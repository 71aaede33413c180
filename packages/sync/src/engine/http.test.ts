import { describe, expect, it } from 'vitest';
import { createHttpClient } from './http.js';
import type { FetchLike } from './http.js';

/** Records what the client hands to `fetch`, and answers 200 with `{}`. */
function recording() {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return { status: 200, headers: { get: () => null }, text: async () => '{}' };
  };
  return { calls, client: createHttpClient({ baseUrl: 'http://sendlog.test/', fetch }) };
}

describe('http client requests', () => {
  it('sends JSON text as application/json, with the token', async () => {
    const { calls, client } = recording();
    await client.send({ method: 'PATCH', path: '/me', token: 't', body: '{"gradeSystem":"V"}' });
    expect(calls[0]).toMatchObject({
      url: 'http://sendlog.test/me',
      init: {
        method: 'PATCH',
        body: '{"gradeSystem":"V"}',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      },
    });
  });

  it('sends bytes as the type they are given, untouched', async () => {
    const { calls, client } = recording();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    await client.send({
      method: 'PUT',
      path: '/layouts/l1/image',
      token: 't',
      body: jpeg,
      contentType: 'image/jpeg',
    });
    expect(calls[0]?.init.body).toBe(jpeg);
    expect(calls[0]?.init.headers['content-type']).toBe('image/jpeg');
  });

  it('sends no content type without a body', async () => {
    const { calls, client } = recording();
    await client.send({ method: 'DELETE', path: '/sessions/s1', token: 't' });
    expect(calls[0]?.init.headers).not.toHaveProperty('content-type');
    expect(calls[0]?.init).not.toHaveProperty('body');
  });
});
