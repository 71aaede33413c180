import { DEMO_ACCOUNT, type AuthResponse, type ErrorBody } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHING } from '../../auth/hashing-slots.js';
import { tokenSigner, TOKEN_TTL_SECONDS } from '../../auth/tokens.js';
import { startServer } from '../../index.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  startTestServer,
  type TestServer,
} from '../../testing/index.js';
import { client, newUser } from '../../testing/client.js';

const SECRET = 'test-secret-for-auth-suite';

describe.each(BACKENDS)('auth on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {
      tokenSecret: SECRET,
      loginRateLimit: { max: 3, timeWindowMs: 60_000 },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('registers, logs in and answers /me', async () => {
    const anon = client(server.app);
    const reg = await anon.post<AuthResponse>('/auth/register', {
      email: 'Ada@Example.com',
      password: 'long enough',
      name: 'Ada',
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toEqual({
      token: expect.any(String),
      user: {
        id: expect.any(String),
        email: 'ada@example.com',
        name: 'Ada',
        role: 'climber',
        gradeSystem: 'V',
      },
    });
    const login = await anon.post<AuthResponse>('/auth/login', {
      email: 'ada@example.com',
      password: 'long enough',
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toEqual(reg.body.user);
    const me = await client(server.app, login.body.token).get('/me');
    expect(me).toMatchObject({ status: 200, body: { user: reg.body.user } });
    const taken = await anon.post<ErrorBody>('/auth/register', {
      email: 'ADA@example.com',
      password: 'whatever1',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('the demo account exists in demo mode', async () => {
    const res = await client(server.app).post<AuthResponse>('/auth/login', DEMO_ACCOUNT);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(DEMO_ACCOUNT.email);
  });

  it.each([
    [{ email: 'a@b.co', password: 'short' }, 'password'],
    [{ email: 'not-an-email', password: 'long enough' }, 'email'],
    [{ email: 'a@b.co', password: 'long enough', admin: true }, 'admin'],
  ])('validates registration %#', async (body, path) => {
    const res = await client(server.app).post<ErrorBody>('/auth/register', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path }] });
  });

  it('refuses wrong credentials with 401, the same for an unknown email', async () => {
    const { email } = await newUser(server.app);
    const wrong = await client(server.app).post<ErrorBody>('/auth/login', {
      email,
      password: 'wrong password',
    });
    const unknown = await client(server.app).post<ErrorBody>('/auth/login', {
      email: `x${email}`,
      password: 'whatever',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('unauthorized');
  });

  it('rate-limits login attempts with 429 and Retry-After', async () => {
    const { email } = await newUser(server.app);
    const attempt = () =>
      client(server.app).post<ErrorBody>('/auth/login', { email, password: 'guess guess' });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits: the limit is per address and account.
    const right = await client(server.app).post('/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(right.status).toBe(429);
  });

  it('limits failed logins per address across emails, and counts no right one', async () => {
    const own = await startTestServer(backend, {
      loginFailureLimit: { max: 5, timeWindowMs: 60_000 },
    });
    try {
      const anon = client(own.app);
      const { email } = await newUser(own.app);
      // Right passwords are no failures: as many as the per-account limit lets through.
      for (let i = 0; i < 8; i += 1) {
        const right = await anon.post('/auth/login', { email, password: 'correct horse battery' });
        expect(right.status).toBe(200);
      }
      // A spray: one guess per email, each email new.
      const spray = (i: number) =>
        anon.post<ErrorBody>('/auth/login', {
          email: `spray-${i}@example.com`,
          password: 'Summer2026!',
        });
      for (let i = 0; i < 5; i += 1) expect((await spray(i)).status).toBe(401);
      const limited = await spray(5);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // From that address the right password waits too: checking it is what a spray costs.
      expect(
        (await anon.post('/auth/login', { email, password: 'correct horse battery' })).status,
      ).toBe(429);
      // Another address is not held up by it.
      const elsewhere = await own.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '10.1.2.3',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email, password: 'correct horse battery' }),
      });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('checks passwords a few at a time, and refuses logins while too many wait', async () => {
    const { email } = await newUser(server.app);
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Every slot busy and the queue full, as under a spray from many addresses.
    const held = Array.from({ length: HASHING.slots + HASHING.maxWaiting }, () =>
      HASHING.run(() => gate),
    );
    try {
      const busy = await client(server.app).post<ErrorBody>('/auth/login', {
        email,
        password: 'correct horse battery',
      });
      expect(busy.status).toBe(429);
      expect(busy.body.error.code).toBe('rate_limited');
      expect(busy.headers['retry-after']).toBe('1');
    } finally {
      open();
      await Promise.all(held);
    }
    const after = await client(server.app).post('/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(after.status).toBe(200);
  });

  it('limits accounts created from one address with 429 and Retry-After', async () => {
    const own = await startTestServer(backend, {
      registerRateLimit: { max: 2, timeWindowMs: 60_000 },
    });
    try {
      const anon = client(own.app);
      const register = (i: number) =>
        anon.post<ErrorBody>('/auth/register', {
          email: `climber-${i}@example.com`,
          password: 'long enough',
        });
      expect((await register(1)).status).toBe(201);
      expect((await register(2)).status).toBe(201);
      const limited = await register(3);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Nothing was created for the refused request, and the accounts made still sign in.
      const login = (i: number) =>
        anon.post('/auth/login', { email: `climber-${i}@example.com`, password: 'long enough' });
      expect((await login(3)).status).toBe(401);
      expect((await login(1)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  if (backend.name === 'postgres') {
    it('the address-wide limit of failed logins is shared by every API process', async () => {
      const limit = { max: 3, timeWindowMs: 60_000 };
      const first = await startTestServer(backend, { loginFailureLimit: limit });
      const second = await startServer({
        ...first.databaseOptions,
        demo: false,
        logger: false,
        loginFailureLimit: limit,
      });
      try {
        const statuses = [];
        for (const [i, app] of [first.app, second.app, first.app, second.app].entries()) {
          const guess = { email: `spray-${i}@example.com`, password: 'Summer2026!' };
          statuses.push((await client(app).post('/auth/login', guess)).status);
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        await second.close();
        await first.close();
      }
    });

    it('the login limit is shared by every API process on the database', async () => {
      const { email } = await newUser(server.app);
      const second = await startServer({
        ...server.databaseOptions,
        demo: false,
        logger: false,
        loginRateLimit: { max: 3, timeWindowMs: 60_000 },
      });
      try {
        const apps = [server.app, second.app, server.app, second.app];
        const statuses = [];
        for (const app of apps)
          statuses.push(
            (await client(app).post('/auth/login', { email, password: 'nope nope' })).status,
          );
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        await second.close();
      }
    });
  }

  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage token', 'Bearer abc.def'],
    [
      'forged signature',
      `Bearer ${tokenSigner('another secret').sign({ sub: '00000000-0000-4000-8000-000000000000', ver: 0 })}`,
    ],
  ])('answers 401 unauthorized for %s', async (_name, header) => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/me',
      headers: header ? { authorization: header } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses an expired token', async () => {
    const { user } = await newUser(server.app);
    const old = tokenSigner(SECRET).sign(
      { sub: user.id, ver: 0 },
      Date.now() - (TOKEN_TTL_SECONDS + 60) * 1000,
    );
    expect((await client(server.app, old).get('/me')).status).toBe(401);
    const fresh = tokenSigner(SECRET).sign({ sub: user.id, ver: 0 });
    expect((await client(server.app, fresh).get('/me')).status).toBe(200);
  });

  it('logout revokes every token of the user', async () => {
    const { token, api } = await newUser(server.app);
    expect((await api.get('/me')).status).toBe(200);
    expect((await api.post('/auth/logout')).status).toBe(204);
    expect((await client(server.app, token).get('/me')).status).toBe(401);
    expect((await api.get('/sessions')).status).toBe(401);
  });
});
