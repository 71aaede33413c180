import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNT } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('npm run server (src/main.ts)', () => {
  it('logs JSON, answers /health, and on SIGTERM finishes in-flight requests before exiting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        PORT: '0',
        SENDLOG_DATA_DIR: 'memory://',
        DATABASE_URL: '',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const lines: Record<string, unknown>[] = [];
    const waiters: {
      match: (l: Record<string, unknown>) => boolean;
      resolve: (l: Record<string, unknown>) => void;
    }[] = [];
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.match(line)) w.resolve(line);
        else waiters.push(w);
      }
    });
    const waitFor = (match: (l: Record<string, unknown>) => boolean) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const seen = lines.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      });

    try {
      const ready = await waitFor((l) => l.msg === 'sendlog server ready');
      const url = String(ready.url);
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

      // A login (scrypt: slow on purpose) is in flight when SIGTERM arrives.
      const login = fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEMO_ACCOUNT),
      });
      await waitFor(
        (l) =>
          l.msg === 'incoming request' &&
          String((l.req as { url?: string })?.url) === '/auth/login',
      );
      child.kill('SIGTERM');
      const answered = await login;
      expect(answered.status).toBe(200);
      expect(await exited).toBe(0);
      expect(lines.some((l) => l.msg === 'draining in-flight requests, then stopping')).toBe(true);
      // Passwords never reach the log.
      expect(JSON.stringify(lines)).not.toContain(DEMO_ACCOUNT.password);
    } finally {
      child.kill('SIGKILL');
    }
    // A child process compiling TypeScript and booting PGlite: a ceiling, not a timing.
  }, 180_000);
});
