import { Writable } from 'node:stream';
import type { OfflineResponse, Session, SessionsPage } from '@sendlog/contract';
import { afterAll, beforeAll } from 'vitest';
import {
  SERVER_START_TIMEOUT,
  startTestServer,
  type Backend,
  type TestServer,
} from '../../testing/index.js';
import type { newUser } from '../../testing/client.js';

/*
 * What the ingest-*.test.ts files share: one test server per backend with a fixed clock and its
 * log lines kept, and the answers' types. One suite once; split by what each file tests so that
 * no file runs over 400 lines (issue 19).
 */

export type Api = Awaited<ReturnType<typeof newUser>>['api'];
export type Created = Extract<OfflineResponse, { status: 'created' }>;
/** These answers concern live sessions: a merged `session` here is never a tombstone. */
export type Existing = Omit<Exclude<OfflineResponse, { status: 'created' }>, 'session'> & {
  session?: Session;
};

/** The server's clock in these tests: fixed, so clamping is exact. */
export const NOW = Date.parse('2026-11-25T12:00:00.000Z');
export const clock = { now: NOW };

/** The server's log, one parsed JSON line each: a test empties it before what it looks at. */
export const logLines: Record<string, unknown>[] = [];

/**
 * The server of the `describe` block running now. A live binding: `useIngestServer` sets it before
 * that block's tests run, so the test bodies read as they did in the single suite.
 */
export let server: TestServer;

/** Starts the server on `backend` before the enclosing block's tests and closes it after. */
export function useIngestServer(backend: Backend): void {
  const logStream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  beforeAll(async () => {
    server = await startTestServer(backend, {
      now: () => clock.now,
      logger: { level: 'info', stream: logStream },
    });
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());
}

export const sessionOf = async (api: Api, id: string) =>
  (await api.get<{ session: Session }>(`/sessions/${id}`)).body.session;
export const countSessions = async (api: Api) =>
  (await api.get<SessionsPage>('/sessions?limit=200')).body.sessions.length;
