import { errorBodySchema, type ErrorDetail } from '@sendlog/contract';
import type { FetchLike, ResponseLike } from '@sendlog/sync';
import type { z } from 'zod';

/** The app and the sync engine share one `fetch` shape (the global `fetch` fits it). */
export type { FetchLike };

export type HttpResult<T> =
  | { ok: true; status: number; data: T; etag: string | null }
  | { ok: true; status: 304; data: null; etag: string | null }
  | { ok: false; kind: 'offline'; message: string }
  | {
      ok: false;
      kind: 'http';
      status: number;
      code: string;
      message: string;
      /** Each refused field with its reason (validation errors). */
      details: readonly ErrorDetail[];
      /** The server's Retry-After, in seconds, when it gave one. */
      retryAfterS: number | null;
    };

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string | null;
  ifNoneMatch?: string | null;
}

/**
 * One JSON request against the API, answered as a value (never thrown): screens show the message,
 * and a network failure is told apart from a refusal so the app can stay usable offline.
 */
export async function requestJson<S extends z.ZodType>(
  fetchFn: FetchLike,
  url: string,
  schema: S,
  options: RequestOptions = {},
): Promise<HttpResult<z.infer<S>>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
  let response: ResponseLike;
  try {
    response = await fetchFn(url, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    return { ok: false, kind: 'offline', message: 'No connection to the Sendlog server.' };
  }
  const etag = response.headers.get('etag');
  if (response.status === 304) return { ok: true, status: 304, data: null, etag };
  const body = parseBody(await response.text().catch(() => ''));
  if (response.status < 200 || response.status > 299) {
    const parsed = errorBodySchema.safeParse(body);
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    const refusal = {
      ok: false as const,
      kind: 'http' as const,
      status: response.status,
      retryAfterS: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    };
    return parsed.success
      ? {
          ...refusal,
          code: parsed.data.error.code,
          message: parsed.data.error.message,
          details: parsed.data.error.details ?? [],
        }
      : {
          ...refusal,
          code: 'unexpected_response',
          message: `The server answered ${response.status}.`,
          details: [],
        };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'http',
      status: response.status,
      code: 'unexpected_response',
      message: 'The server sent an answer this app does not understand.',
      details: [],
      retryAfterS: null,
    };
  }
  return { ok: true, status: response.status, data: parsed.data, etag };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
