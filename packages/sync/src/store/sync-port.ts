import type { Session, SessionOrTombstone } from '@sendlog/contract';
import type { LocalSession, SyncErrorInfo } from './model.js';

/** What the sync engine needs beyond the public API; kept off it so the UI cannot misuse it. */
export interface SyncPort {
  /**
   * Sessions waiting to be sent, oldest start first; tombstones of deletes made after
   * `deletedBefore` (epoch ms) wait for the undo time to pass.
   */
  sessionsToSync(deletedBefore?: number): LocalSession[];
  /**
   * Called just before a request carrying these copies leaves; answers the ones still to send
   * (a session deleted meanwhile that never left the phone must not leave now).
   */
  markOffered(copies: readonly SentCopy[]): SentCopy[];
  pendingCount(): number;
  applyOutcomes(outcomes: readonly PushOutcome[]): void;
  /** Merges server copies (a pulled page, or single refreshed sessions) and stores the cursor. */
  applyServerSessions(sessions: readonly SessionOrTombstone[], nextCursor?: string): number;
  pullCursor(): string;
  /** When a sync run last completed without a whole-run failure; kept across restarts. */
  lastSyncAt(): string | null;
  recordSyncSuccess(at: string): void;
}

/** What the request carried, so its answer can tell whether the session changed meanwhile. */
export interface SentCopy {
  readonly sessionId: string;
  readonly localRevision: number;
  readonly baseRevision: number | null;
  readonly removedRouteIds: readonly string[];
}

export type PushOutcome =
  | {
      readonly kind: 'confirmed';
      readonly sent: SentCopy;
      readonly serverSessionId: string;
      readonly revision: number;
      /**
       * The server's copy at `revision` is exactly what was sent (`created`, `updated`, or a
       * `duplicate` of the same base). Otherwise it may hold more (edits from elsewhere), so the
       * old base is kept and the next edit is merged rather than allowed to replace it.
       */
      readonly contentMatches: boolean;
    }
  | {
      readonly kind: 'merged';
      readonly sent: SentCopy;
      readonly serverSessionId: string;
      readonly revision: number;
      readonly session: Session;
    }
  /** The server holds the session as deleted (the answer was `merged` with its tombstone). */
  | { readonly kind: 'deleted'; readonly sent: SentCopy; readonly serverSessionId: string }
  | { readonly kind: 'rejected'; readonly sent: SentCopy; readonly error: SyncErrorInfo }
  | {
      readonly kind: 'deferred';
      readonly sent: SentCopy;
      readonly error: SyncErrorInfo;
      readonly nextAttemptAt: string | null;
    };
