import {
  boundedError,
  issuesToDetails,
  LIMITS,
  summarizeDetails,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetail,
} from '@sendlog/contract';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { HashingBusy } from '../auth/hashing-slots.js';
import { isStatementTimeout } from '../db/bounded-read.js';
import { drainRequestBody } from './request-drain.js';

/** An error the client caused (or may see): it carries docs/api.md's code and field paths. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Sent as `Retry-After` (seconds): when the client may try again. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }

  /** Broken fields counted but not listed (an error already bounded elsewhere: the ingest's). */
  detailsOmitted?: number;

  /** The answer for an error body made elsewhere (a session refused by the ingest). */
  static answering(statusCode: number, error: ErrorBody['error']): ApiError {
    const e = new ApiError(statusCode, error.code, error.message, error.details);
    if (error.detailsOmitted !== undefined) e.detailsOmitted = error.detailsOmitted;
    return e;
  }

  static validation(details: ErrorDetail[]): ApiError {
    return new ApiError(400, 'validation_failed', summarizeDetails(details), details);
  }

  static fromZod(issues: readonly z.core.$ZodIssue[], prefix = ''): ApiError {
    return ApiError.validation(issuesToDetails(issues, prefix));
  }

  static notFound(what = 'resource'): ApiError {
    return new ApiError(404, 'not_found', `${what} not found`);
  }

  static unauthorized(message = 'a valid bearer token is required'): ApiError {
    return new ApiError(401, 'unauthorized', message);
  }

  /** The answer's body, a few kB at most however many details there are (`boundedError`). */
  body(): ErrorBody {
    return {
      error: boundedError({
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
        ...(this.detailsOmitted ? { detailsOmitted: this.detailsOmitted } : {}),
      }),
    };
  }
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfterS !== undefined) reply.header('retry-after', String(error.retryAfterS));
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.body());
}

/** `2 MiB`: body limits are whole mebibytes. */
const mebibytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

/** Fastify's own failures (body parsing, limits, routing) mapped onto docs/api.md's codes. */
function fromFastify(error: FastifyError, request: FastifyRequest): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(
        413,
        'payload_too_large',
        // A route may read more than the server's 2 MiB (wall pictures: 8 MiB).
        `the request body is larger than ${mebibytes(request.routeOptions.bodyLimit ?? LIMITS.maxBodyBytes)}`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'the body must be application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'invalid_json', 'the request body is not valid JSON');
    default:
      break;
  }
  if (error instanceof HashingBusy) {
    return new ApiError(
      429,
      'rate_limited',
      'the server is checking many passwords at once; try again in a moment',
      undefined,
      1,
    );
  }
  if (isStatementTimeout(error)) {
    return new ApiError(
      503,
      'internal',
      'the request took longer than the server allows; ask for less (a shorter period)',
    );
  }
  if (error.statusCode === 429) {
    return new ApiError(429, 'rate_limited', 'too many requests, try again later');
  }
  // JSON.parse failures and prototype-poisoning rejections from the JSON body parser.
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new ApiError(400, 'invalid_json', 'the request body is not valid JSON');
  }
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const known = error instanceof ApiError ? error : fromFastify(error, request);
    if (known) {
      if (known.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      // The client is likely still sending: read its body out so that it reads this answer.
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') await drainRequestBody(request.raw);
      return sendError(reply, known);
    }
    // A bug: log everything, answer nothing of it (no stack, no SQL).
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, new ApiError(500, 'internal', 'something went wrong on the server'));
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return new ApiError(404, 'not_found', `no route ${method} ${url.split('?')[0]}`).body();
}
