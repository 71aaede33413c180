import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from '@sendlog/server/testing';
import { http, register, TEST_PASSWORD, type Answer } from './support/http.js';
import { securityStage, SESSION_ENDPOINTS, TEST_TIMEOUT } from './support/security.js';

/**
 * Part 5 of issue 5, signing in and out: a revoked token is refused, login is rate-limited, and
 * passwords and tokens never reach the logs.
 */
describe.each(BACKENDS)('security on $name', (backend) => {
  const stage = securityStage(backend);
  const { call, expectCode } = stage;

  it('a token revoked by sign-out is refused everywhere', { timeout: TEST_TIMEOUT }, async () => {
    const carol = await register(stage.url, 'carol');
    stage.secrets.push(carol.token);
    expect((await carol.api.post('/auth/logout')).status).toBe(204);
    for (const [method, path] of SESSION_ENDPOINTS(stage.aliceSession.id)) {
      expectCode(await call(method, path, `Bearer ${carol.token}`), 401, 'unauthorized');
    }
  });

  it(
    'login is rate-limited per account: 429 rate_limited with Retry-After, even for the right password',
    { timeout: TEST_TIMEOUT },
    async () => {
      const dave = await register(stage.url, 'dave');
      stage.secrets.push(dave.token);
      const anon = http(stage.url);
      const statuses: number[] = [];
      let limited: Answer | undefined;
      for (let i = 0; i < 40 && !limited; i += 1) {
        const wrong = `wrong-password-${i}-${randomUUID()}`;
        stage.secrets.push(wrong);
        const answer = await anon.post('/auth/login', { email: dave.email, password: wrong });
        stage.figures.requests += 1;
        statuses.push(answer.status);
        if (answer.status === 429) limited = answer;
        else expectCode(answer, 401, 'unauthorized');
      }
      expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
      expectCode(limited!, 429, 'rate_limited');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      const right = await anon.post<AuthResponse>('/auth/login', {
        email: dave.email,
        password: TEST_PASSWORD,
      });
      expectCode(right, 429, 'rate_limited');
      console.log(
        `[reliability] login limit on ${backend.name}: limited after ${statuses.length - 1} failed attempts`,
      );
    },
  );

  it(
    'passwords and tokens never reach the logs, whatever the request',
    { timeout: TEST_TIMEOUT },
    async () => {
      const anon = http(stage.url);
      const pw = `never-log-me-${randomUUID()}`;
      stage.secrets.push(pw);
      const email = `eve-${randomUUID()}@reliability.sendlog.app`;
      // Successful, failed, malformed and unparseable bodies that carry a password.
      await anon.post('/auth/register', { email, password: pw, name: 'eve' });
      await anon.post('/auth/login', { email, password: pw });
      await anon.post('/auth/login', { email, password: `${pw}-wrong` });
      await anon.post('/auth/register', { email, password: pw, extra: true });
      await anon.post('/auth/register', { email: 42, password: pw });
      await anon.post('/auth/login', undefined, {
        raw: `{"email":"${email}","password":"${pw}",`,
        headers: { 'content-type': 'application/json' },
      });
      await anon.post('/auth/login', undefined, {
        raw: `{"email":"${email}","password":"${pw}"}`,
        headers: { 'content-type': 'text/plain' },
      });
      // The account's own password checks: a change (right, then wrong), a refused and a real delete.
      const eve = await anon.post<AuthResponse>('/auth/login', { email, password: pw });
      const pw2 = `${pw}-changed`;
      const asEve = http(stage.url, eve.body.token);
      const changed = await asEve.post<AuthResponse>('/me/password', {
        currentPassword: pw,
        newPassword: pw2,
      });
      expect(changed.status).toBe(200);
      const asNewEve = http(stage.url, changed.body.token);
      await asNewEve.post('/me/password', { currentPassword: `${pw}-wrong`, newPassword: pw });
      await asNewEve.send('DELETE', '/me', { password: `${pw}-wrong` });
      expect((await asNewEve.send('DELETE', '/me', { password: pw2 })).status).toBe(204);
      stage.secrets.push(`${pw}-wrong`, pw2, eve.body.token, changed.body.token);
      // A token where no token belongs: refused, and not written down on the way.
      for (const path of [
        `/me?token=${stage.alice.token}`,
        `/sessions?limit=5&access_token=${stage.bob.token}`,
        `/${stage.alice.token}`,
      ]) {
        expect((await anon.get(path)).status).toBeGreaterThanOrEqual(400);
      }
      await new Promise((r) => setTimeout(r, 50));

      const text = stage.logs.join('');
      // The log is really being captured (so an empty log cannot pass this test).
      expect(text).toContain('/auth/login');
      const found = stage.secrets.filter((s) => text.includes(s));
      stage.figures.leaks = found.length;
      expect(found).toEqual([]);
    },
  );
});
