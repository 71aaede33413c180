import type { Db, DatabaseKind } from './db/connection.js';
import type { TokenSigner } from './auth/tokens.js';
import type { CommunityFolder } from './catalogue/community-fold.js';

/** What every route needs; built once per process, holds no per-request state. */
export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  signer: TokenSigner;
  /** The server's clock (ms). Injected so tests can move it. */
  now(): number;
  loginRateLimit: RateLimit;
  registerRateLimit: RateLimit;
  /**
   * Failed logins allowed per client address in each window, whatever the emails (a password
   * spray); default `DEFAULT_LOGIN_FAILURE_LIMIT`.
   */
  loginFailureLimit?: RateLimit;
  /**
   * How long PostgreSQL lets one statement of a heavy read (stats, export) run before it cancels
   * it; default `HEAVY_READ_TIMEOUT_MS`. PGlite cannot interrupt a statement.
   */
  heavyReadTimeoutMs?: number;
  /**
   * The process's community fold loop: session writes nudge it. `buildApp` starts one when none
   * is given (and stops it on close).
   */
  communityFolder?: Pick<CommunityFolder, 'nudge' | 'stop'>;
}

/** 60 failed logins per client address in 10 minutes. */
export const DEFAULT_LOGIN_FAILURE_LIMIT: RateLimit = { max: 60, timeWindowMs: 10 * 60_000 };

/** 10 s: the five-year stats of a long history take a fraction of a second. */
export const HEAVY_READ_TIMEOUT_MS = 10_000;

/** At most `max` requests in each window of `timeWindowMs`. */
export interface RateLimit {
  max: number;
  timeWindowMs: number;
}
