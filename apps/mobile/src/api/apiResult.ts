import type { ErrorDetail } from '@sendlog/contract';
import type { HttpExchange } from '@sendlog/sync';
import type { z } from 'zod';

/**
 * An API call answered as a value (never thrown): screens show the message, and a missing answer
 * is told apart from a refusal so the app can stay usable offline.
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T; etag: string | null }
  /** `If-None-Match` matched: the cached copy is current. */
  | { ok: true; status: 304; data: null; etag: string | null }
  | { ok: false; kind: 'offline'; message: string }
  | { ok: false; kind: 'timeout'; message: string }
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

/** Reads one exchange of the shared HTTP client against the schema of its success body. */
export function resultOf<S extends z.ZodType>(
  exchange: HttpExchange,
  schema: S,
): ApiResult<z.infer<S>> {
  if (exchange.kind === 'unanswered') {
    return exchange.timedOut
      ? { ok: false, kind: 'timeout', message: 'The Sendlog server did not answer in time.' }
      : { ok: false, kind: 'offline', message: 'No connection to the Sendlog server.' };
  }
  const { status, etag } = exchange;
  if (status === 304) return { ok: true, status: 304, data: null, etag };
  if (status < 200 || status > 299) {
    const refusal = {
      ok: false as const,
      kind: 'http' as const,
      status,
      retryAfterS: exchange.retryAfterMs === null ? null : exchange.retryAfterMs / 1000,
    };
    const { apiError } = exchange;
    return apiError
      ? {
          ...refusal,
          code: apiError.code,
          message: apiError.message,
          details: apiError.details ?? [],
        }
      : {
          ...refusal,
          code: 'unexpected_response',
          message: `The server answered ${status}.`,
          details: [],
        };
  }
  const parsed = schema.safeParse(exchange.body);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'http',
      status,
      code: 'unexpected_response',
      message: 'The server sent an answer this app does not understand.',
      details: [],
      retryAfterS: null,
    };
  }
  return { ok: true, status, data: parsed.data, etag };
}
