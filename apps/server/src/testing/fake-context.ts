import type { AppContext } from '../context.js';
import type { Db } from '../db/connection.js';
import { tokenSigner } from '../auth/tokens.js';

/**
 * A context whose database fails every query with a message full of SQL: for the HTTP layer's
 * own behaviour (parsing, limits, static files, error bodies) without a database.
 */
export function failingDatabaseContext(): AppContext {
  const fail = () =>
    Promise.reject(
      new Error('syntax error at or near "select password_hash from users where id = $1"'),
    );
  const db = { execute: fail, select: fail, insert: fail, transaction: fail } as unknown as Db;
  return {
    db,
    databaseKind: 'pglite',
    signer: tokenSigner('fake'),
    now: Date.now,
    loginRateLimit: { max: 100, timeWindowMs: 60_000 },
    registerRateLimit: { max: 100, timeWindowMs: 60_000 },
  };
}
