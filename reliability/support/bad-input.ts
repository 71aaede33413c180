import {
  DEMO_SETTER,
  errorBodySchema,
  type AuthResponse,
  type GymsResponse,
} from '@sendlog/contract';
import { startServer, type RunningServer } from '@sendlog/server';
import { userData, type Backend, type TestDatabase } from '@sendlog/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  allSessions,
  demoGym,
  http,
  register,
  snapshot,
  type Answer,
  type Climber,
  type Http,
} from './http.js';
import type { BadCase } from './malformed/bad-case.js';

/**
 * Part 4 of issue 5, shared by the bad-input-*.test.ts files: thousands of malformed bodies per
 * endpoint. Never a 5xx, always a coded 4xx naming the broken field, and nothing written (table
 * row counts before and after).
 */
export const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 300);
/** Bounds, not speed targets: generous so two busy cores running the whole suite never flake. */
export const PROPERTY_TIMEOUT = 300_000;
const SETUP_TIMEOUT = 180_000;
export const SEED = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
export const JSON_TYPE = { 'content-type': 'application/json' };

interface Figures {
  requests: number;
  fiveXx: number;
  byCode: Record<string, number>;
  byKind: Record<string, number>;
}

/** The detail path `actual` names the field `expected` (or something inside it). */
export function names(actual: string, expected: string): boolean {
  return expected === '' || actual === expected || actual.startsWith(`${expected}.`);
}

/**
 * One file's server on one backend, as the bad-input files send to it. The fields the setup
 * fills in are read inside the tests, once it has run.
 */
export interface BadInputStage {
  url: string;
  climber: Climber;
  setter: Http;
  admin: Climber;
  gym: { layoutId: string; climbIds: string[] };
  /** The demo setter's gym (the demo gym). */
  gymId: string;
  /** Counts an answer, by its code and by the kind of bad input that drew it. */
  note(answer: Answer, kind: string): void;
  /** A coded 4xx whose details name the broken field. */
  expectRefused(answer: Answer, c: Pick<BadCase, 'codes' | 'path'>, prefix?: string): void;
  /**
   * Registers the check each bad-input file ends with, on its own server: nothing was written,
   * and no answer was a 5xx. Called after the file's other tests, so it runs last, as it did in
   * the single file these came from.
   */
  lastTest(): void;
}

/** Starts the stage before the file's tests and stops it after them. */
export function badInputStage(backend: Backend): BadInputStage {
  let db: TestDatabase;
  let server: RunningServer | undefined;
  let before: Record<string, number>;
  let sessionsBefore = 0;
  const figures: Figures = { requests: 0, fiveXx: 0, byCode: {}, byKind: {} };

  const start = async () => {
    server = await startServer({
      ...db.options,
      demo: true,
      logger: false,
      // A restart keeps the port, so clients made before it still reach the server.
      port: stage.url ? Number(new URL(stage.url).port) : 0,
      // This part checks validation, not the address limits (the security part runs with those).
      loginRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
      registerRateLimit: { max: 1_000_000, timeWindowMs: 60_000 },
    });
    stage.url = server.url;
  };

  const stage: BadInputStage = {
    url: '',
    climber: undefined as unknown as Climber,
    setter: undefined as unknown as Http,
    admin: undefined as unknown as Climber,
    gym: { layoutId: '', climbIds: [] },
    gymId: '',
    lastTest() {
      it(
        'nothing was written, and no answer was a 5xx',
        { timeout: PROPERTY_TIMEOUT },
        async () => {
          expect((await allSessions(stage.climber.api)).length).toBe(sessionsBefore);
          await server!.close();
          server = undefined;
          const after = userData(await db.countRows());
          console.log(
            `[reliability] bad input on ${backend.name} (seed ${SEED}, ${RUNS} runs per property): ` +
              `${figures.requests} requests, 5xx ${figures.fiveXx}, rows written ${
                Object.entries(after).filter(([t, n]) => before[t] !== n).length
              } tables changed; codes ${JSON.stringify(figures.byCode)}`,
          );
          expect(after).toEqual(before);
          expect(figures.fiveXx).toBe(0);
        },
      );
    },
    note(answer, kind) {
      figures.requests += 1;
      if (answer.status >= 500) figures.fiveXx += 1;
      const code =
        errorBodySchema.safeParse(answer.body).data?.error.code ??
        (answer.status === 200 ? 'bulk-200-all-rejected' : `http-${answer.status}`);
      figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
      figures.byKind[kind] = (figures.byKind[kind] ?? 0) + 1;
    },
    expectRefused(answer, c, prefix = '') {
      expect(answer.status, answer.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
      const body = errorBodySchema.parse(answer.body);
      expect(c.codes, answer.text.slice(0, 300)).toContain(body.error.code);
      if (body.error.code !== 'invalid_json') {
        const paths = (body.error.details ?? []).map((d) => d.path);
        const expected = [prefix, c.path].filter((p) => p !== '').join('.');
        expect(
          paths.some((p) => names(p, expected)),
          `${answer.text.slice(0, 300)} should name ${expected}`,
        ).toBe(true);
      }
    },
  };

  beforeAll(async () => {
    db = await backend.createSharedDatabase('badinput');
    await start();
    stage.climber = await register(stage.url, 'fuzz');
    stage.admin = await register(stage.url, 'fuzz-admin');
    stage.gym = await demoGym(stage.url);
    // Something already stored, so a bad body that overwrote it would show.
    const stored = await stage.climber.api.post('/sessions/offline', snapshot(stage.gym, 3));
    expect(stored.status).toBe(201);
    sessionsBefore = (await allSessions(stage.climber.api)).length;
    await server!.close();
    server = undefined;
    // The first admin is made on the server's side, as an operator would (npm run admin).
    await db.query(`update users set role = 'admin' where email = $1`, [stage.admin.email]);
    before = userData(await db.countRows());
    await start();
    const login = await http(stage.url).post<AuthResponse>('/auth/login', DEMO_SETTER);
    expect(login.status).toBe(200);
    stage.setter = http(stage.url, login.body.token);
    stage.gymId = (await stage.setter.get<GymsResponse>('/me/gyms')).body.gyms[0]!.id;
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  }, SETUP_TIMEOUT);

  return stage;
}
