import { createHmac, timingSafeEqual } from 'node:crypto';

/** Offline-first: a phone may stay offline for weeks and must still sync when it comes back. */
export const TOKEN_TTL_SECONDS = 60 * 60 * 24 * 30;

export interface TokenClaims {
  /** user id */
  sub: string;
  /** users.token_version when issued; bumping it revokes the token. */
  ver: number;
  /** expiry, seconds since the epoch */
  exp: number;
}

export interface TokenSigner {
  sign(claims: Omit<TokenClaims, 'exp'>, nowMs?: number): string;
  /** The claims of a well-formed, correctly signed, unexpired token; otherwise null. */
  verify(token: string, nowMs?: number): TokenClaims | null;
}

export function tokenSigner(secret: string): TokenSigner {
  const mac = (data: string) => createHmac('sha256', secret).update(data).digest();
  return {
    sign(claims, nowMs = Date.now()) {
      const payload = Buffer.from(
        JSON.stringify({ ...claims, exp: Math.floor(nowMs / 1000) + TOKEN_TTL_SECONDS }),
      ).toString('base64url');
      const data = `v1.${payload}`;
      return `${data}.${mac(data).toString('base64url')}`;
    },
    verify(token, nowMs = Date.now()) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== 'v1') return null;
      const [, payload, signature] = parts as [string, string, string];
      const expected = mac(`v1.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
      if (!isClaims(claims) || claims.exp * 1000 <= nowMs) return null;
      return claims;
    },
  };
}

function isClaims(v: unknown): v is TokenClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.sub === 'string' && Number.isInteger(c.ver) && Number.isInteger(c.exp);
}
