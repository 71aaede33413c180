import { errorBodySchema } from '@sendlog/contract';
import type { SyncErrorInfo } from '../store/model.js';
import { parseRetryAfterMs } from './backoff.js';
import { utf8Length } from './snapshot.js';

const SLOW_LINK_BYTES_PER_MS = 16;

/** The part of `fetch` the engine uses; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
  },
) => Promise<ResponseLike>;

export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How one request ended, in the terms of the failure policy. */
export type HttpOutcome =
  | { readonly kind: 'ok'; readonly status: number; readonly body: unknown }
  /** Network error, timeout, 5xx, 429, an unreadable answer: try again later. */
  | {
      readonly kind: 'transient';
      readonly error: SyncErrorInfo;
      readonly retryAfterMs: number | null;
    }
  | { readonly kind: 'unauthorized'; readonly error: SyncErrorInfo }
  /** The server refuses this very request (400, 413, …): sending it again cannot help. */
  | { readonly kind: 'refused'; readonly status: number; readonly error: SyncErrorInfo };

export interface HttpClient {
  request(method: 'GET' | 'POST', path: string, token: string, body?: string): Promise<HttpOutcome>;
}

export function createHttpClient(options: {
  baseUrl: string;
  fetch: FetchLike;
  timers: Timers;
  timeoutMs: number;
  now: () => number;
}): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async request(method, path, token, body) {
      const controller = typeof AbortController === 'function' ? new AbortController() : null;
      // A big upload on a slow link is not a dead server: allow it time at 128 kbit/s.
      const uploadMs = body === undefined ? 0 : utf8Length(body) / SLOW_LINK_BYTES_PER_MS;
      const timer = options.timers.setTimeout(
        () => controller?.abort(),
        options.timeoutMs + uploadMs,
      );
      let response: ResponseLike;
      let text: string;
      try {
        response = await options.fetch(base + path, {
          method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body } : {}),
          ...(controller ? { signal: controller.signal } : {}),
        });
        text = await response.text();
      } catch (error) {
        const timedOut = controller?.signal.aborted === true;
        return {
          kind: 'transient',
          error: {
            code: timedOut ? 'timeout' : 'network_error',
            message: timedOut ? 'the server did not answer in time' : describe(error),
            permanent: false,
          },
          retryAfterMs: null,
        };
      } finally {
        options.timers.clearTimeout(timer);
      }
      return classify(response, text, options.now());
    },
  };
}

function classify(response: ResponseLike, text: string, nowMs: number): HttpOutcome {
  const { status } = response;
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    if (body === undefined) return transient('bad_response', 'the answer was not JSON', null);
    return { kind: 'ok', status, body };
  }
  const apiError = errorBodySchema.safeParse(body);
  const code = apiError.success ? apiError.data.error.code : `http_${status}`;
  const message = apiError.success ? apiError.data.error.message : `HTTP ${status}`;
  if (status === 401) return { kind: 'unauthorized', error: { code, message, permanent: false } };
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), nowMs);
  if (status === 429 || status === 408 || status >= 500)
    return transient(code, message, retryAfterMs);
  if (status === 400 || status === 413 || status === 415) {
    return { kind: 'refused', status, error: { code, message, permanent: true } };
  }
  // An answer the contract does not foresee (a proxy's 404, a captive portal): never blame the
  // climber's data for it; retry later.
  return transient(code, message, retryAfterMs);
}

function transient(code: string, message: string, retryAfterMs: number | null): HttpOutcome {
  return { kind: 'transient', error: { code, message, permanent: false }, retryAfterMs };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
