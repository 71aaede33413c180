import type { AuthResponse } from '@sendlog/contract';
import type { AppContext } from '../context.js';
import type { TokenHolder } from '../users/user-repository.js';

/** A signed token for the user and their current token version, as the auth answers carry it. */
export function issueToken(ctx: AppContext, { user, tokenVersion }: TokenHolder): AuthResponse {
  return { token: ctx.signer.sign({ sub: user.id, ver: tokenVersion }), user };
}
