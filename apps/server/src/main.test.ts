import { DEMO_ACCOUNT } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { runServerToExit, spawnServer } from './testing/server-process.js';

describe('npm run server (src/main.ts)', () => {
  it('logs JSON, answers /health, and on SIGTERM finishes in-flight requests before exiting', async () => {
    // Ready means it logged `sendlog server ready` with its address.
    const server = await spawnServer({ env: { SENDLOG_DATA_DIR: 'memory://' } });
    try {
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

      // A login (scrypt: slow on purpose) is in flight when SIGTERM arrives.
      const login = fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ACCOUNT),
      });
      await server.waitForLog(
        (l) =>
          l.msg === 'incoming request' &&
          String((l.req as { url?: string })?.url) === '/auth/login',
      );
      server.child.kill('SIGTERM');
      const answered = await login;
      expect(answered.status).toBe(200);
      expect((await server.exited).code).toBe(0);
      const log = server.stdoutLines.map((line) => JSON.parse(line) as { msg?: unknown });
      expect(log.some((l) => l.msg === 'draining in-flight requests, then stopping')).toBe(true);
      const output = server.output.join('');
      // Passwords never reach the log.
      expect(output).not.toContain(DEMO_ACCOUNT.password);
    } finally {
      await server.kill();
    }
    // A child process compiling TypeScript and booting PGlite: a ceiling, not a timing.
  }, 180_000);
});

describe('a wrong configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
  ])(
    'stops the start with one line on stderr naming the variable (%j)',
    async (env, name) => {
      const { code, stderr } = await runServerToExit({
        env: { SENDLOG_DATA_DIR: 'memory://', ...env },
      });
      expect(code).not.toBe(0);
      expect(stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^sendlog: invalid configuration: ${name} must `)),
      ]);
    },
    60_000,
  );

  it('says in one line when the database cannot be reached', async () => {
    const { code, stderr } = await runServerToExit({
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^sendlog: could not start: .*ECONNREFUSED/),
    ]);
  }, 60_000);
});
