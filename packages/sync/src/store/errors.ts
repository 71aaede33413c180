import type { ErrorDetail } from '@sendlog/contract';

export type SessionStoreErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'session_already_active'
  | 'session_full'
  | 'not_retryable'
  | 'storage_too_new'
  | 'closed';

/**
 * Thrown synchronously by a store mutation the caller got wrong (bad input, unknown id). Sync
 * failures are never thrown: they live in the session's `lastError` and the engine's state.
 */
export class SessionStoreError extends Error {
  readonly code: SessionStoreErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: SessionStoreErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'SessionStoreError';
    this.code = code;
    this.details = details;
  }
}
