import type { Db, DatabaseKind } from './db/connection.js';
import type { TokenSigner } from './auth/tokens.js';

/** What every route needs; built once per process, holds no per-request state. */
export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  signer: TokenSigner;
  /** The server's clock (ms). Injected so tests can move it. */
  now(): number;
  loginRateLimit: RateLimit;
  registerRateLimit: RateLimit;
}

/** At most `max` requests in each window of `timeWindowMs`. */
export interface RateLimit {
  max: number;
  timeWindowMs: number;
}
