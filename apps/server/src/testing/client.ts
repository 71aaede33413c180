import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@sendlog/contract';
import type { FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A small HTTP client over `app.inject` (the full Fastify request path, without sockets). */
export function client(app: FastifyInstance, token?: string) {
  const send = async <T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: OutgoingHttpHeaders = {},
  ): Promise<Reply<T>> => {
    const res = await app.inject({
      method,
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(headers as Record<string, string>),
      },
      ...(body !== undefined
        ? { payload: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    const text = res.body;
    return {
      status: res.statusCode,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
      headers: res.headers,
    };
  };
  return {
    get: <T = unknown>(url: string, headers?: OutgoingHttpHeaders) =>
      send<T>('GET', url, undefined, headers),
    post: <T = unknown>(url: string, body?: unknown, headers?: OutgoingHttpHeaders) =>
      send<T>('POST', url, body, headers),
    delete: <T = unknown>(url: string, headers?: OutgoingHttpHeaders) =>
      send<T>('DELETE', url, undefined, headers),
    patch: <T = unknown>(url: string, body?: unknown, headers?: OutgoingHttpHeaders) =>
      send<T>('PATCH', url, body, headers),
    put: <T = unknown>(url: string, body?: unknown, headers?: OutgoingHttpHeaders) =>
      send<T>('PUT', url, body, headers),
    /** A raw body (a picture) with the given content type, or none. */
    putBytes: async <T = unknown>(url: string, bytes: Uint8Array, contentType?: string) => {
      const res = await app.inject({
        method: 'PUT',
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(contentType ? { 'content-type': contentType } : {}),
        },
        payload: Buffer.from(bytes),
      });
      return {
        status: res.statusCode,
        body: (res.body === '' ? undefined : JSON.parse(res.body)) as T,
        headers: res.headers,
      } satisfies Reply<T>;
    },
  };
}

/** Registers a new user and returns a client signed in as them. */
export async function newUser(app: FastifyInstance, name = 'Test Climber') {
  const email = `climber-${randomUUID()}@test.sendlog.app`;
  const res = await client(app).post<AuthResponse>('/auth/register', {
    email,
    password: 'correct horse battery',
    name,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status}`);
  return { ...res.body, email, api: client(app, res.body.token) };
}
