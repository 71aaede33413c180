import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { serverSettings } from '../db/schema.js';

const KEY = 'token_secret';

/**
 * The HMAC secret: given, else SENDLOG_TOKEN_SECRET, else one stored in the database, so every
 * API process sharing that database accepts the others' tokens. The first process writes it.
 */
export async function resolveTokenSecret(db: Db, given: string | undefined): Promise<string> {
  const configured = given ?? process.env.SENDLOG_TOKEN_SECRET;
  if (configured) return configured;
  await db
    .insert(serverSettings)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, KEY));
  if (!row) throw new Error('token secret could not be stored');
  return row.value;
}
