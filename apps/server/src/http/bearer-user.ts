import type { User } from '@sendlog/contract';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { isUuid } from '../domain/ids.js';
import { ApiError } from './errors.js';
import { findTokenHolder } from '../users/user-repository.js';
import type { TokenSigner } from '../auth/tokens.js';

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
  const holder = await findTokenHolder(db, claims.sub);
  if (!holder || holder.tokenVersion !== claims.ver) {
    throw ApiError.unauthorized('the token has been revoked');
  }
  return holder.user;
}
