import type { ImportResponse } from '@sendlog/contract';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  spawnServer,
  type ServerProcess,
  type TestDatabase,
} from '@sendlog/server/testing';
import { allSessions, http, register } from './support/http.js';
import { eightALogbook } from './support/logbook-file.js';

/**
 * Issue 21: the server is killed with SIGKILL while it imports a large logbook, at several
 * moments of the request, and restarted on the same database. An import is one transaction:
 * after every kill the climber has all of the file or none of it, and importing it again ends
 * with every tick exactly once.
 */
const TICKS = Number(process.env.RELIABILITY_IMPORT_TICKS ?? 6_000);
const PER_DAY = 10;
/**
 * When to kill, as fractions of how long the same import takes unharmed (measured first): late
 * enough that the server is writing the file's sessions, before it has answered.
 */
const KILL_AT = [0.6, 0.9];
const TIMEOUT = 400_000;

describe.each(BACKENDS)('SIGKILL during an import on $name', (backend) => {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill();
    await db?.drop();
  }, TIMEOUT);

  it(
    'leaves all of the file or none of it, and a second import completes it exactly once',
    { timeout: TIMEOUT },
    async () => {
      db = await backend.createSharedDatabase('import_crash');
      const file = eightALogbook(TICKS, PER_DAY);
      const post = (api: ReturnType<typeof http>) =>
        api.post<ImportResponse>('/imports?format=8a', undefined, {
          raw: file,
          headers: { 'content-type': 'text/csv' },
        });
      server = await spawnServer({ env: db.env });
      const timing = await register(server.url, 'import-timing');
      const started = Date.now();
      const unharmed = await post(http(server.url, timing.token));
      const fullMs = Date.now() - started;
      expect(unharmed.body.routes).toBe(TICKS);
      await server.kill();

      const outcomes: string[] = [`unharmed ${fullMs} ms`];
      let cutBeforeAnswer = 0;
      for (const fraction of KILL_AT) {
        const delay = Math.round(fullMs * fraction);
        server = await spawnServer({ env: db.env });
        const climber = await register(server.url, `import-${fraction}`);
        const api = http(server.url, climber.token);
        const victim = server;
        const sent = post(api);
        const timer = setTimeout(() => void victim.kill(), delay);
        let answered = false;
        try {
          const res = await sent;
          answered = res.status === 200;
        } catch {
          // the connection died with the process
        }
        clearTimeout(timer);
        if (!answered) cutBeforeAnswer += 1;
        await victim.kill();

        server = await spawnServer({ env: db.env });
        const after = http(server.url, climber.token);
        const stored = (await allSessions(after)).reduce((n, s) => n + s.routes.length, 0);
        outcomes.push(`${delay} ms: ${answered ? 'answered' : 'cut'}, ${stored} ticks stored`);
        // One transaction: nothing, or the whole file.
        expect([0, TICKS]).toContain(stored);
        if (answered) expect(stored).toBe(TICKS);

        const again = await post(after);
        expect(again.status, again.text.slice(0, 300)).toBe(200);
        expect(again.body.routes + again.body.skipped).toBe(TICKS);
        expect(again.body.skipped).toBe(stored);
        const final = await allSessions(after);
        expect(final.reduce((n, s) => n + s.routes.length, 0)).toBe(TICKS);
        expect(final).toHaveLength(TICKS / PER_DAY);
        await server.kill();
        server = undefined;
      }
      console.log(
        `[reliability] SIGKILL during imports on ${backend.name}: ${outcomes.join('; ')}`,
      );
      // At least one kill landed while the import was in flight.
      expect(cutBeforeAnswer).toBeGreaterThan(0);
    },
  );
});
