import { readFileSync } from 'node:fs';
import type {
  ErrorBody,
  ImportResponse,
  SessionChangesPage,
  SessionsBackup,
} from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, newUser } from '../../testing/client.js';
import { climbId } from '../../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { allSessions, ingest } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../imports/fixtures/${name}`, import.meta.url));

describe.each(BACKENDS)('POST /imports on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  async function importFile<T = ImportResponse>(
    token: string,
    query: string,
    body: Buffer | string,
    contentType = 'text/csv',
  ) {
    const res = await server.app.inject({
      method: 'POST',
      url: `/imports?${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload: body,
    });
    return { status: res.statusCode, body: JSON.parse(res.body) as T };
  }

  it.each([
    ['thecrag', 'thecrag-logbook.csv', { sessions: 5, routes: 7, rejected: [10] }],
    ['8a', '8a-logbook.csv', { sessions: 3, routes: 5, rejected: [8] }],
    ['8a', '8a-logbook-old.csv', { sessions: 2, routes: 3, rejected: [] }],
    ['mountainproject', 'mountainproject-ticks.csv', { sessions: 3, routes: 6, rejected: [8] }],
    ['kaya', 'kaya-ascents.csv', { sessions: 2, routes: 4, rejected: [6] }],
    ['boardlib', 'boardlib-logbook.csv', { sessions: 3, routes: 4, rejected: [] }],
  ])('imports %s’s %s once: the same file again adds nothing', async (format, file, expected) => {
    const { api, token } = await newUser(server.app);
    const first = await importFile(token, `format=${format}&tz=Europe%2FMadrid`, fixture(file));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      format,
      sessions: expected.sessions,
      routes: expected.routes,
      skipped: 0,
    });
    expect(first.body.rejected.map((r) => r.line)).toEqual(expected.rejected);
    const sessions = await allSessions(api);
    expect(sessions).toHaveLength(expected.sessions);
    expect(sessions.reduce((n, s) => n + s.routes.length, 0)).toBe(expected.routes);
    for (const s of sessions) expect(s.layoutId).toBeNull();

    const again = await importFile(token, `format=${format}&tz=Europe%2FMadrid`, fixture(file));
    expect(again.body).toMatchObject({ sessions: 0, routes: 0, skipped: expected.routes });
    expect(await allSessions(api)).toEqual(sessions);
  });

  it('a tick becomes an unlisted climb of a session at its place, comment kept whole', async () => {
    const { api, token } = await newUser(server.app);
    await importFile(token, 'format=8a&tz=Europe%2FMadrid', fixture('8a-logbook.csv'));
    const day = (await allSessions(api)).find((s) => s.startTime.startsWith('2024-04-02'))!;
    expect(day).toMatchObject({ layoutId: null, place: 'Albarracín' });
    const gorilla = day.routes.find((r) => r.climbName === 'Gorilla')!;
    expect(gorilla).toMatchObject({
      climbId: null,
      grade: '7A',
      isSuccess: true,
      attempts: 1,
      notes: 'Perfect "pebble", mind the landing,\nthen top out left',
      climb: { name: 'Gorilla', grade: '7A', kind: 'boulder' },
    });
  });

  it('an overlapping newer export adds only its new ticks', async () => {
    const { api, token } = await newUser(server.app);
    const whole = fixture('mountainproject-ticks.csv').toString('utf8').split('\n');
    const older = [...whole.slice(0, 3), ''].join('\n');
    const first = await importFile(token, 'format=mountainproject', older);
    expect(first.body).toMatchObject({ sessions: 1, routes: 2, skipped: 0 });
    const newer = await importFile(token, 'format=mountainproject', whole.join('\n'));
    expect(newer.body).toMatchObject({ sessions: 3, routes: 4, skipped: 2 });
    expect((await allSessions(api)).reduce((n, s) => n + s.routes.length, 0)).toBe(6);
  });

  it('reaches the climber’s other devices through updatedSince', async () => {
    const { api, token } = await newUser(server.app);
    const start = await api.get<SessionChangesPage>('/sessions?updatedSince=');
    const cursor = start.body.nextCursor;
    await importFile(token, 'format=kaya', fixture('kaya-ascents.csv'));
    const changes = await api.get<SessionChangesPage>(
      `/sessions?updatedSince=${encodeURIComponent(String(cursor))}`,
    );
    expect(changes.status).toBe(200);
    expect(changes.body.sessions).toHaveLength(2);
  });

  it('refuses a file of another shape naming the columns it expects, writing nothing', async () => {
    const { api, token } = await newUser(server.app);
    const res = await importFile<ErrorBody>(token, 'format=kaya', fixture('boardlib-logbook.csv'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unsupported_format');
    expect(res.body.error.message).toContain('date, ascent_type, attempts, grade, climb_name, gym');
    const json = await importFile<ErrorBody>(
      token,
      'format=sendlog',
      '{"hello":1}',
      'application/json',
    );
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('unsupported_format');
    expect(await allSessions(api)).toEqual([]);
  });

  it('answers 413 over 8 MiB, 415 for other types, 400 for an unknown format', async () => {
    const { token } = await newUser(server.app);
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 'a');
    const tooBig = await importFile<ErrorBody>(token, 'format=kaya', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    const xml = await importFile<ErrorBody>(token, 'format=kaya', '<a/>', 'application/xml');
    expect(xml.status).toBe(415);
    const unknown = await importFile<ErrorBody>(token, 'format=ukc', 'x');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.[0]?.path).toBe('format');
    const noToken = await server.app.inject({ method: 'POST', url: '/imports?format=kaya' });
    expect(noToken.statusCode).toBe(401);
  });

  it('round trip: export JSON, delete the account, register again, import: same stats and CSV', async () => {
    const first = await newUser(server.app);
    await ingest(first.api, [
      {
        start: '2025-06-01T17:00:00.000Z',
        notes: 'evening',
        tries: [
          { climbId: climbId(0), sent: true, rating: 4, notes: 'crimps, "big" move\r\n🧗' },
          { climbId: climbId(1), attempts: 3, own: 'V5' },
        ],
      },
      { start: '2025-06-08T17:00:00.000Z', tries: [{ climbId: climbId(1), sent: true }] },
    ]);
    await importFile(first.token, 'format=8a&tz=Europe%2FMadrid', fixture('8a-logbook.csv'));
    const period = 'from=2019-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&tz=Europe%2FMadrid';
    const statsBefore = await first.api.get(`/stats?${period}`);
    const csvBefore = await csvOf(first.token);
    const backup = await first.api.get<SessionsBackup>('/sessions/export?format=json');

    const gone = await first.api.deleteWithBody('/me', { password: 'correct horse battery' });
    expect(gone.status).toBe(204);
    const again = await client(server.app).post<{ token: string }>('/auth/register', {
      email: first.email,
      password: 'correct horse battery',
      name: 'Test Climber',
    });
    expect(again.status).toBe(201);
    const restored = await importFile(
      again.body.token,
      'format=sendlog',
      JSON.stringify(backup.body),
      'application/json',
    );
    expect(restored.body).toMatchObject({ sessions: 5, routes: 8, skipped: 0, rejected: [] });
    const api = client(server.app, again.body.token);
    expect((await api.get(`/stats?${period}`)).body).toEqual(statsBefore.body);
    expect(withoutIds(await csvOf(again.body.token))).toEqual(withoutIds(csvBefore));

    const twice = await importFile(
      again.body.token,
      'format=sendlog',
      JSON.stringify(backup.body),
      'application/json',
    );
    expect(twice.body).toMatchObject({ sessions: 0, routes: 0, skipped: 8 });
  });

  async function csvOf(token: string): Promise<string> {
    const res = await server.app.inject({
      method: 'GET',
      url: '/sessions/export?format=csv&tz=Europe%2FMadrid',
      headers: { authorization: `Bearer ${token}` },
    });
    return res.body;
  }

  /** The CSV without the columns that are ids the server draws (ascent and session). */
  function withoutIds(csv: string): string[] {
    return csv
      .split('\r\n')
      .map((line) => line.replace(/^[^,]*,[^,]*,/, ''))
      .sort();
  }
});
