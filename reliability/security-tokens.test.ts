import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { allSessions } from './support/http.js';
import {
  b64,
  mint,
  nowSeconds,
  securityStage,
  SESSION_ENDPOINTS,
  TEST_TIMEOUT,
} from './support/security.js';

/**
 * Part 5 of issue 5, tokens: one the server's format mints is accepted, and a missing,
 * malformed, tampered or expired one is refused on every session endpoint.
 */
describe.each(BACKENDS)('security on $name', (backend) => {
  const stage = securityStage(backend);
  const { call, expectCode } = stage;

  it(
    'a minted token with a future expiry is accepted (the control for the cases below)',
    { timeout: TEST_TIMEOUT },
    async () => {
      const token = mint({ sub: stage.alice.user.id, ver: 0, exp: nowSeconds() + 600 });
      const me = await call('GET', '/me', `Bearer ${token}`);
      expect(me.status).toBe(200);
      expect((me.body as { user: { id: string } }).user.id).toBe(stage.alice.user.id);
    },
  );

  it(
    'every session endpoint answers 401 unauthorized to a missing, malformed, tampered or expired token',
    { timeout: TEST_TIMEOUT },
    async () => {
      const [head, payload, signature] = stage.alice.token.split('.') as [string, string, string];
      const flip = (s: string) => s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
      const badHeaders: (string | null)[] = [
        null,
        '',
        'Bearer',
        'Bearer ',
        `Basic ${b64('alice:password')}`,
        `Token ${stage.alice.token}`,
        `Bearer ${stage.alice.token}x`,
        `Bearer ${head}.${payload}`,
        `Bearer ${head}.${payload}.`,
        `Bearer ${head}.${flip(payload)}.${signature}`,
        `Bearer ${head}.${payload}.${flip(signature)}`,
        // Alice's signature over Bob's identity.
        `Bearer ${head}.${b64(JSON.stringify({ sub: stage.bob.user.id, ver: 0, exp: nowSeconds() + 600 }))}.${signature}`,
        `Bearer v2.${payload}.${signature}`,
        `Bearer ${mint({ sub: stage.alice.user.id, ver: 0, exp: nowSeconds() + 600 }, 'another secret')}`,
        `Bearer ${mint({ sub: stage.alice.user.id, ver: 0, exp: nowSeconds() - 1 })}`,
        `Bearer ${mint({ sub: stage.alice.user.id, ver: 0, exp: nowSeconds() - 400 * 86_400 })}`,
        `Bearer ${mint({ sub: randomUUID(), ver: 0, exp: nowSeconds() + 600 })}`,
        `Bearer ${mint({ sub: "' OR '1'='1", ver: 0, exp: nowSeconds() + 600 })}`,
        `Bearer ${mint({ sub: stage.alice.user.id, ver: 7, exp: nowSeconds() + 600 })}`,
      ];
      for (const header of badHeaders) {
        for (const [method, path] of SESSION_ENDPOINTS(stage.aliceSession.id)) {
          const answer = await call(method, path, header);
          expectCode(answer, 401, 'unauthorized');
        }
      }
      // Nothing was written by any of them.
      expect(await allSessions(stage.alice.api)).toHaveLength(1);
    },
  );
});
