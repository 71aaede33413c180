import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.js';
import type { AppContext } from '../context.js';
import { openDatabase, type Db } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { seedDemo } from '../demo/seed.js';
import { tokenSigner } from '../auth/tokens.js';
import type { Backend } from './index.js';

export interface LogbookApp {
  app: FastifyInstance;
  db: Db;
  /** Marks a session deleted the way deletion does (its tombstone keeps the row). */
  deleteSession(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app in process on a fresh database of `backend` with the demo gym, and the database
 * itself: the logbook suites mark sessions deleted directly (deleting is another endpoint's job).
 */
export async function startLogbookApp(
  backend: Backend,
  settings: Pick<AppContext, 'heavyReadTimeoutMs'> = {},
): Promise<LogbookApp> {
  const database = await backend.createDatabase('logbook');
  const opened = await openDatabase({
    databaseUrl: database.options.databaseUrl,
    dataDir: database.options.dataDir,
  });
  await migrateUnderLock(opened, (db) => seedDemo(db, { secondGym: false }));
  const ctx: AppContext = {
    db: opened.db,
    databaseKind: opened.kind,
    signer: tokenSigner('logbook-tests'),
    now: Date.now,
    loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    registerRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    ...settings,
  };
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    db: opened.db,
    async deleteSession(sessionId) {
      await opened.db.execute(
        sql`update climbing_sessions set deleted_at = now() where id = ${sessionId}`,
      );
    },
    async close() {
      await app.close();
      await opened.close();
      await database.drop();
    },
  };
}
