import type { ErrorBody, Layout, Session, SessionsBackup } from '@sendlog/contract';
import { EXPORT_CSV_HEADER, exportCsv, type ExportSession } from '@sendlog/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GYM } from '../../demo/gym.js';
import { client, newUser } from '../../testing/client.js';
import { climbId } from '../../testing/fixtures.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { allSessions, ingest, type SessionSpec } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

type Api = ReturnType<typeof client>;

const oldestFirst = (a: Session, b: Session) =>
  Date.parse(a.startTime) - Date.parse(b.startTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `250` sessions over three bulks: more than two pages of the export, an empty one among them. */
function manySessions(count: number): SessionSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    // Pairs share a start, so the keyset's tie-break on the id is exercised.
    start: new Date(
      Date.parse('2025-06-01T17:00:00Z') + Math.floor(i / 2) * 86_400_000,
    ).toISOString(),
    notes: i % 7 === 0 ? `session ${i}` : null,
    tries:
      i === 5
        ? []
        : Array.from({ length: 1 + (i % 4) }, (_, r) => ({
            climbId: climbId((i * 3 + r) % 9),
            sent: (i + r) % 3 !== 0,
            attempts: 1 + ((i + r) % 3),
            rating: r % 2 === 0 ? 1 + (i % 5) : null,
            own: r === 1 ? 'V5' : null,
          })),
  }));
}

async function walls(api: Api): Promise<Map<string, string>> {
  const res = await api.get<{ layouts: Layout[] }>('/layouts');
  return new Map(res.body.layouts.map((l) => [l.id, l.name]));
}

function asExport(sessions: readonly Session[]): ExportSession[] {
  return sessions.map((s) => ({ ...s, routes: s.routes }));
}

/** Sessions as the backup holds them: each with its wall's gym (these are all the demo gym's). */
function withGym(sessions: readonly Session[]) {
  return sessions.map((s) => ({
    ...s,
    gym: s.layoutId === null ? null : { id: DEMO_GYM.id, name: DEMO_GYM.name },
  }));
}

describe.each(BACKENDS)('GET /sessions/export on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  it('the JSON backup holds every session exactly as GET /sessions answers it', async () => {
    const { api, user } = await newUser(server.app);
    const ids = await ingest(api, manySessions(250));
    await server.deleteSession(ids[3]!);
    const backup = await api.get<SessionsBackup>('/sessions/export?format=json');
    expect(backup.status).toBe(200);
    expect(backup.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(backup.headers['content-disposition']).toMatch(
      /^attachment; filename="sendlog-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(backup.body).toMatchObject({ format: 'sendlog-backup', version: 1, user });
    expect(Math.abs(Date.parse(backup.body.exportedAt) - Date.now())).toBeLessThan(60_000);
    const listed = (await allSessions(api)).filter((s) => s.id !== ids[3]).sort(oldestFirst);
    expect(backup.body.sessions).toHaveLength(249);
    expect(backup.body.sessions).toEqual(withGym(listed));
  });

  /** The reply as text: the test client reads JSON only. */
  async function text(token: string, url: string) {
    const res = await server.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.statusCode, headers: res.headers, body: res.body };
  }

  it('the CSV is the rules module file of the same sessions, quoted and made inert', async () => {
    const { api, token } = await newUser(server.app);
    const specs = manySessions(230);
    specs[0] = {
      start: '2025-05-31T22:30:00Z',
      notes: 'line one\nline two, "quoted"',
      tries: [
        { climbId: climbId(0), sent: true, notes: 'crimps, then a "big" move\r\nÜberhang 頂上 🧗' },
        { climbId: climbId(1), notes: '=HYPERLINK("http://evil","x")', own: '+1' },
        { climbId: climbId(2), notes: '@SUM(A1)', own: '-soft' },
      ],
    };
    // A session elsewhere with climbs in no catalogue: a route (its grade outside the table, even
    // where it reads as Font) and a boulder.
    specs[1] = {
      start: '2025-06-01T08:00:00Z',
      place: 'Céüse, "Biographie" sector',
      tries: [
        { climbId: null, climb: { name: 'Biographie', grade: '9a+', kind: 'route' }, sent: true },
        { climbId: null, climb: { name: '=Roof', grade: 'V4', kind: 'boulder' }, attempts: 2 },
      ],
    };
    const ids = await ingest(api, specs);
    await server.deleteSession(ids[9]!);
    const res = await text(token, '/sessions/export?format=csv&tz=Europe%2FBerlin');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    const csv = res.body;
    expect(csv.startsWith(EXPORT_CSV_HEADER)).toBe(true);

    // Round trip: the JSON backup, written as CSV by the rules module, is the same file.
    const backup = await api.get<SessionsBackup>('/sessions/export?format=json');
    expect(csv).toBe(exportCsv(asExport(backup.body.sessions), await walls(api), 'Europe/Berlin'));
    const listed = (await allSessions(api)).filter((s) => s.id !== ids[9]);
    expect(csv).toBe(exportCsv(asExport(withGym(listed)), await walls(api), 'Europe/Berlin'));

    const first = listed.find((s) => s.id === ids[0])!;
    const [a, b, c] = first.routes.map((r) => r.id);
    const lines = csv.slice(EXPORT_CSV_HEADER.length).split('\r\n');
    const tail = ',"line one\nline two, ""quoted""",';
    expect(lines[0]).toBe(
      `${a},${ids[0]},2025-05-31T22:31:00.000Z,2025-06-01,Main Wall,${climbId(0)},Warm Welcome,V,V0,,flash,true,1,,"crimps, then a ""big"" move`,
    );
    expect(lines[1]).toBe(`Überhang 頂上 🧗"${tail}2025-05-31T22:31:00.000Z,${DEMO_GYM.name},,`);
    const elsewhere = listed.find((s) => s.id === ids[1])!;
    const [u1, u2] = elsewhere.routes.map((r) => r.id);
    const place = '"Céüse, ""Biographie"" sector"';
    expect(lines[4]).toBe(
      `${u1},${ids[1]},2025-06-01T08:01:00.000Z,2025-06-01,,,Biographie,,9a+,,flash,true,1,,,,2025-06-01T08:01:00.000Z,,${place},route`,
    );
    expect(lines[5]).toBe(
      `${u2},${ids[1]},2025-06-01T08:02:00.000Z,2025-06-01,,,'=Roof,V,V4,,attempt,false,2,,,,2025-06-01T08:02:00.000Z,,${place},boulder`,
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^${b},${ids[0]},.*,attempt,false,1,,"'=HYPERLINK\\(""http://evil"",""x""\\)"${escape(tail)}`,
      ),
    );
    expect(lines[2]).toContain(",'+1,attempt,");
    expect(lines[3]).toMatch(new RegExp(`^${c},.*,'-soft,attempt,false,1,,'@SUM\\(A1\\)`));
    // One line per try, the empty session none, the deleted session's tries none.
    const tries = listed.reduce((n, s) => n + s.routes.length, 0);
    expect(csv.match(/\r\n/g)).toHaveLength(1 + tries + 1);
  });

  it('makes a formula inert also after leading blanks and line breaks', async () => {
    const { api, token } = await newUser(server.app);
    await ingest(api, [
      {
        start: '2025-06-01T17:00:00.000Z',
        notes: '\n@SUM(A1)',
        tries: [
          { climbId: climbId(0), notes: ' =1+1' },
          { climbId: climbId(1), notes: '\r\n-2+3', own: '  +V4' },
        ],
      },
    ]);
    const csv = (await text(token, '/sessions/export?format=csv')).body;
    expect(csv).toContain(',\' =1+1,"\'\n@SUM(A1)",');
    expect(csv).toContain("'  +V4");
    expect(csv).toContain('"\'\r\n-2+3"');
  });

  it('is empty but well formed for a new climber, and needs a valid format and sign-in', async () => {
    const { api, token } = await newUser(server.app);
    expect((await text(token, '/sessions/export?format=csv')).body).toBe(EXPORT_CSV_HEADER);
    const json = await api.get<SessionsBackup>('/sessions/export');
    expect(json.body.sessions).toEqual([]);
    const bad = await api.get<ErrorBody>('/sessions/export?format=xlsx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.map((d) => d.path)).toEqual(['format']);
    expect((await client(server.app).get('/sessions/export?format=csv')).status).toBe(401);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
