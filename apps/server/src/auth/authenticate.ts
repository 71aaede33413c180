import type { User } from '@sendlog/contract';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';
import { ApiError } from '../http/errors.js';
import { isUuid } from '../domain/ids.js';
import type { TokenSigner } from './tokens.js';

/** The user behind `Authorization: Bearer …`, or 401 (missing, malformed, expired or revoked). */
export async function authenticate(
  db: Db,
  signer: TokenSigner,
  request: FastifyRequest,
): Promise<User> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw ApiError.unauthorized();
  const claims = signer.verify(match[1]!);
  if (!claims || !isUuid(claims.sub))
    throw ApiError.unauthorized('the token is invalid or expired');
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      tokenVersion: users.tokenVersion,
    })
    .from(users)
    .where(eq(users.id, claims.sub));
  if (!row || row.tokenVersion !== claims.ver) {
    throw ApiError.unauthorized('the token has been revoked');
  }
  return { id: row.id, email: row.email, name: row.name };
}
