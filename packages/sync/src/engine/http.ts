import { errorBodySchema } from '@sendlog/contract';
import type { ErrorBody } from '@sendlog/contract';
import type { SyncErrorInfo } from '../store/model.js';
import { parseRetryAfterMs } from './backoff.js';
import { utf8Length } from './snapshot.js';

const SLOW_LINK_BYTES_PER_MS = 16;
const DEFAULT_TIMEOUT_MS = 30_000;

/** The part of `fetch` the engine uses; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
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

/** One request to the API. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the base URL on: `/layouts`. */
  readonly path: string;
  /** Sent as `Authorization: Bearer …` when given. */
  readonly token?: string | null;
  /** JSON text, or bytes (a wall picture) sent as `contentType`. */
  readonly body?: string | Uint8Array<ArrayBuffer>;
  /** The body's type when it is bytes; text is always `application/json`. */
  readonly contentType?: string;
  readonly ifNoneMatch?: string | null;
}

/** The API's error body (`{ error: { code, message, details } }`). */
export type ApiError = ErrorBody['error'];

/**
 * How one exchange went, before any policy: the engine classifies it (retry, refuse, sign in),
 * the app words it for the climber.
 */
export type HttpExchange =
  | {
      readonly kind: 'answered';
      readonly status: number;
      /** The parsed JSON answer; undefined when it was empty or not JSON (a 304, a proxy page). */
      readonly body: unknown;
      readonly etag: string | null;
      /** `Retry-After` (seconds or an HTTP date) as a delay from now. */
      readonly retryAfterMs: number | null;
      /** The body when it is the API's error shape. */
      readonly apiError: ApiError | null;
    }
  /** No answer: the network failed, or the server did not answer within the timeout. */
  | { readonly kind: 'unanswered'; readonly timedOut: boolean; readonly message: string };

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
  /** One exchange as it went; never rejects. */
  send(request: HttpRequest): Promise<HttpExchange>;
  /** One authenticated exchange, classified by the sync engine's failure policy. */
  request(method: 'GET' | 'POST', path: string, token: string, body?: string): Promise<HttpOutcome>;
}

export interface HttpClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  timers?: Timers;
  /** A request without an answer after this long (plus upload time) counts as no answer. */
  timeoutMs?: number;
  now?: () => number;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timers = options.timers ?? defaultTimers;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  async function send(request: HttpRequest): Promise<HttpExchange> {
    const { body } = request;
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    // A big upload on a slow link is not a dead server: allow it time at 128 kbit/s.
    const bytes =
      body === undefined ? 0 : typeof body === 'string' ? utf8Length(body) : body.length;
    const uploadMs = bytes / SLOW_LINK_BYTES_PER_MS;
    const timer = timers.setTimeout(() => controller?.abort(), timeoutMs + uploadMs);
    let response: ResponseLike;
    let text: string;
    try {
      response = await options.fetch(base + request.path, {
        method: request.method,
        headers: headersOf(request),
        ...(body !== undefined ? { body } : {}),
        ...(controller ? { signal: controller.signal } : {}),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = controller?.signal.aborted === true;
      return {
        kind: 'unanswered',
        timedOut,
        message: timedOut ? 'the server did not answer in time' : describe(error),
      };
    } finally {
      timers.clearTimeout(timer);
    }
    const parsed = parseJson(text);
    const apiError = errorBodySchema.safeParse(parsed);
    return {
      kind: 'answered',
      status: response.status,
      body: parsed,
      etag: response.headers.get('etag'),
      retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after'), now()),
      apiError: apiError.success ? apiError.data.error : null,
    };
  }

  return {
    send,
    async request(method, path, token, body) {
      return classify(await send({ method, path, token, ...(body !== undefined ? { body } : {}) }));
    },
  };
}

function headersOf(request: HttpRequest): Record<string, string> {
  return {
    accept: 'application/json',
    ...(request.token != null ? { authorization: `Bearer ${request.token}` } : {}),
    ...(request.body !== undefined
      ? {
          'content-type':
            typeof request.body === 'string'
              ? 'application/json'
              : (request.contentType ?? 'application/octet-stream'),
        }
      : {}),
    ...(request.ifNoneMatch ? { 'if-none-match': request.ifNoneMatch } : {}),
  };
}

function classify(exchange: HttpExchange): HttpOutcome {
  if (exchange.kind === 'unanswered') {
    const code = exchange.timedOut ? 'timeout' : 'network_error';
    return transient(code, exchange.message, null);
  }
  const { status, body, apiError, retryAfterMs } = exchange;
  if (status >= 200 && status < 300) {
    if (body === undefined) return transient('bad_response', 'the answer was not JSON', null);
    return { kind: 'ok', status, body };
  }
  const code = apiError?.code ?? `http_${status}`;
  const message = apiError?.message ?? `HTTP ${status}`;
  if (status === 401) return { kind: 'unauthorized', error: { code, message, permanent: false } };
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
