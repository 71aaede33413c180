import type { ApiError as ApiErrorBody, SessionOrTombstone } from '@sendlog/contract';
import type { SyncOutcome } from '@sendlog/rules';

export type IngestResult =
  | {
      index: number;
      clientSessionId: string | null;
      success: true;
      status: SyncOutcome;
      sessionId: string;
      revision: number;
      isDuplicate: boolean;
      /** Server ids of the snapshot's routes, in its order (answered on creation). */
      routeIds: string[];
      /** The merged session, or its tombstone if it was deleted (answered on `merged`). */
      session?: SessionOrTombstone;
    }
  | {
      index: number;
      clientSessionId: string | null;
      success: false;
      status: 'rejected';
      error: ApiErrorBody;
    };

export interface IngestOptions {
  /** `Idempotency-Key` header: only the single-session endpoint passes it. */
  headerKey?: string | undefined;
  nowMs: number;
  /**
   * Bulk only: a session whose write the database refuses is answered on its own (`internal`)
   * and logged here, rather than failing the request (see writeIsolating).
   */
  isolateFailures?: IngestLog;
}

/** Where isolated write failures are reported (the request's logger). */
export interface IngestLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
