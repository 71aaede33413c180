import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNT, type AuthResponse, type LayoutsResponse } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../testing/index.js';
import { client } from '../testing/client.js';
import { DEMO_CLIMBS, DEMO_LAYOUTS, SECOND_DEMO_CLIMBS, SECOND_DEMO_LAYOUTS } from '../demo/gym.js';

/**
 * Demo mode's catalogue, as anyone who follows no gym reads it: both demo gyms. `climbCount`
 * counts the climbs up, so the archived demo climb is not among them.
 */
const DEMO_SIZE = {
  layouts: DEMO_LAYOUTS.length + SECOND_DEMO_LAYOUTS.length,
  climbs: [...DEMO_CLIMBS, ...SECOND_DEMO_CLIMBS].filter((c) => !c.archived).length,
};

async function catalogueSize(server: RunningServer) {
  const api = client(server.app);
  const { body } = await api.get<LayoutsResponse>('/layouts');
  return {
    layouts: body.layouts.length,
    climbs: body.layouts.reduce((n, l) => n + l.climbCount, 0),
  };
}

describe('start-up', () => {
  it(
    'migrates and seeds idempotently across restarts of one PGlite directory',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'sendlog-pglite-'));
      try {
        const first = await startServer({ dataDir: dir, logger: false });
        const login = await client(first.app).post<AuthResponse>('/auth/login', DEMO_ACCOUNT);
        await first.close();
        const second = await startServer({ dataDir: dir, logger: false });
        try {
          expect(await catalogueSize(second)).toEqual(DEMO_SIZE);
          const again = await client(second.app).post<AuthResponse>('/auth/login', DEMO_ACCOUNT);
          expect(again.body.user.id).toBe(login.body.user.id);
          // The token secret lives in the database: tokens survive a restart.
          expect((await client(second.app, login.body.token).get('/me')).status).toBe(200);
        } finally {
          await second.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    SERVER_START_TIMEOUT,
  );

  const postgres = BACKENDS.find((b) => b.name === 'postgres');
  if (postgres) {
    it(
      'lets several API processes start together on one PostgreSQL database',
      async () => {
        const db = await postgres.createDatabase();
        try {
          const servers = await Promise.all(
            [0, 1, 2].map(() => startServer({ ...db.options, demo: true, logger: false })),
          );
          try {
            for (const s of servers) expect(await catalogueSize(s)).toEqual(DEMO_SIZE);
            // One demo account, one shared token secret.
            const login = await client(servers[0]!.app).post<AuthResponse>(
              '/auth/login',
              DEMO_ACCOUNT,
            );
            for (const s of servers)
              expect((await client(s.app, login.body.token).get('/me')).status).toBe(200);
          } finally {
            await Promise.all(servers.map((s) => s.close()));
          }
        } finally {
          await db.drop();
        }
      },
      SERVER_START_TIMEOUT,
    );

    it(
      'has no demo data on PostgreSQL unless asked',
      async () => {
        const db = await postgres.createDatabase();
        try {
          const server = await startServer({ ...db.options, logger: false });
          try {
            expect(await catalogueSize(server)).toEqual({ layouts: 0, climbs: 0 });
            expect((await client(server.app).post('/auth/login', DEMO_ACCOUNT)).status).toBe(401);
          } finally {
            await server.close();
          }
        } finally {
          await db.drop();
        }
      },
      SERVER_START_TIMEOUT,
    );
  }
});
