/**
 * Records the fixture of the upgrade test (`../upgrade.test.ts`): a database written by the last
 * release before gyms through its own API, and what that release answered about it.
 *
 * It was run once on a checkout of that release (commit efada35), from `apps/server`:
 *   npx tsx src/gyms/upgrade-fixture/record-v2.ts src/gyms/upgrade-fixture
 * and wrote `v2-database.json` (every table's rows) and `v2-answers.json`. Run on a later
 * release it would record that release instead: the files are kept as they were recorded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.js';
import { resolveTokenSecret } from '../../auth/secret.js';
import { tokenSigner } from '../../auth/tokens.js';
import { openDatabase } from '../../db/connection.js';
import { migrateUnderLock } from '../../db/migrate.js';
import { queryRows } from '../../db/sql.js';
import { client } from '../../testing/client.js';

type Api = ReturnType<typeof client>;

/** The server's clock while recording (and in the test): fixes default periods and `exportedAt`. */
const V2_NOW = Date.parse('2026-12-01T12:00:00.000Z');
const V2_PASSWORD = 'correct horse battery';
const V2_ACCOUNTS = [
  { key: 'ana', email: 'ana@v2.sendlog.test', name: 'Ana', role: 'climber' },
  { key: 'ben', email: 'ben@v2.sendlog.test', name: 'Ben', role: 'climber' },
  { key: 'cleo', email: 'cleo@v2.sendlog.test', name: null, role: 'climber' },
  { key: 'setter', email: 'sam@v2.sendlog.test', name: 'Sam', role: 'setter' },
  { key: 'admin', email: 'max@v2.sendlog.test', name: 'Max', role: 'admin' },
] as const;
/** Every table of the v2 schema, parents first; rate limits are no data of anyone's. */
const V2_TABLES = [
  'users',
  'server_settings',
  'wall_images',
  'layouts',
  'climbs',
  'climbing_sessions',
  'session_routes',
  'route_tombstones',
  'climb_climber_stats',
];

const [outDir] = process.argv.slice(2);
if (!outDir) throw new Error('usage: record-v2.ts <output folder>');

const dataDir = mkdtempSync(join(tmpdir(), 'sendlog-v2-fixture-'));
const database = await openDatabase({ dataDir });
await migrateUnderLock(database, async () => undefined);
const db = database.db;
const many = { max: 1_000_000, timeWindowMs: 60_000 };
const app = await buildApp(
  {
    db,
    databaseKind: database.kind,
    signer: tokenSigner(await resolveTokenSecret(db, undefined)),
    now: () => V2_NOW,
    loginRateLimit: many,
    registerRateLimit: many,
  },
  { logger: false },
);
await app.ready();

async function ok<T>(what: string, reply: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await reply;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const apis: Record<string, Api> = {};
const tokens: Record<string, string> = {};
for (const account of V2_ACCOUNTS) {
  const { token } = await ok(
    `register ${account.email}`,
    client(app).post<{ token: string }>('/auth/register', {
      email: account.email,
      password: V2_PASSWORD,
      name: account.name,
    }),
  );
  await db.execute(sql`update users set role = ${account.role} where email = ${account.email}`);
  apis[account.key] = client(app, token);
  tokens[account.key] = token;
}
const { setter, ana, ben } = apis as Record<'setter' | 'ana' | 'ben', Api>;
await ok('ben font', ben.patch('/me', { gradeSystem: 'Font' }));

// The catalogue, as a setter keeps it: three walls (one Font, one archived), a picture, a reset.
const picture = new Uint8Array(
  readFileSync(new URL('../../catalogue/test-pictures/tiny.png', import.meta.url)),
);
type LayoutBody = { layout: { id: string } };
type ClimbBody = { climb: { id: string } };
const main = (
  await ok(
    'main',
    setter.post<LayoutBody>('/layouts', {
      name: 'Main Wall',
      description: 'The big one',
      gradeSystem: 'V',
    }),
  )
).layout.id;
const cave = (
  await ok('cave', setter.post<LayoutBody>('/layouts', { name: 'Font Cave', gradeSystem: 'Font' }))
).layout.id;
const old = (
  await ok('old', setter.post<LayoutBody>('/layouts', { name: 'Old Wall', gradeSystem: 'V' }))
).layout.id;
await ok('picture', setter.putBytes(`/layouts/${main}/image`, picture, 'image/png'));
const climb = async (layoutId: string, body: Record<string, unknown>) =>
  (await ok('climb', setter.post<ClimbBody>(`/layouts/${layoutId}/climbs`, body))).climb.id;
const m = [
  await climb(main, {
    name: 'Warm-up, "easy"',
    grade: 'V0',
    color: '#e53935',
    position: { x: 0.1, y: 0.8 },
    setter: 'Sam',
    setAt: '2026-10-01T09:00:00.000Z',
  }),
  await climb(main, { name: 'Crimp line', grade: 'V3', color: '#1e88e5' }),
  await climb(main, { name: '=Slopers', grade: 'V5', position: { x: 0.5, y: 0.5 } }),
  await climb(main, { name: 'Roof', grade: 'V7' }),
];
const c = [
  await climb(cave, { name: 'Bloc bleu', grade: '6a' }),
  await climb(cave, { name: 'Überhang', grade: '7A+' }),
];
const o = [await climb(old, { name: 'Gone soon', grade: 'V2' })];
const reset = await ok(
  'reset',
  setter.post<{ created: { id: string }[] }>(`/layouts/${main}/reset`, {
    climbs: [
      { name: 'Fresh one', grade: 'v4', color: '#43A047' },
      { name: 'Fresh two', grade: 'V6' },
    ],
    archiveOthers: false,
  }),
);
m.push(...reset.created.map((x) => x.id));
await ok('archive climb', setter.patch(`/climbs/${m[3]}`, { archived: true }));
await ok('regrade', setter.patch(`/climbs/${m[1]}`, { grade: 'V2' }));

// Sessions: two climbers over several weeks, an edit from a second device, a delete, a removed
// route, one session without a wall, one with no routes, text a spreadsheet would run.
const day = (d: string, h = 18) => `${d}T${String(h).padStart(2, '0')}:00:00.000Z`;
let route = 0;
function session(
  start: string,
  layoutId: string | null,
  tries: [climbId: string, sent: boolean, attempts: number, extra?: Record<string, unknown>][],
  extra: Record<string, unknown> = {},
) {
  const startMs = Date.parse(start);
  return {
    clientSessionId: `v2-${start}-${layoutId ?? 'none'}`,
    layoutId,
    startTime: start,
    endTime: new Date(startMs + 2 * 3_600_000).toISOString(),
    notes: null,
    baseRevision: null,
    updatedAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    removedRouteIds: [],
    routes: tries.map(([climbId, isSuccess, attempts, more], i) => {
      const at = new Date(startMs + (i + 1) * 600_000).toISOString();
      route += 1;
      return {
        clientRouteId: `r${route}`,
        climbId,
        isSuccess,
        attempts,
        notes: null,
        rating: null,
        gradeOpinion: null,
        loggedAt: at,
        updatedAt: at,
        ...more,
      };
    }),
    ...extra,
  };
}
const anaSessions = [
  session(
    day('2026-10-05'),
    main,
    [
      [m[0]!, true, 1, { rating: 3 }],
      [m[1]!, false, 4],
      [o[0]!, true, 2],
    ],
    { notes: 'first day, "new" shoes' },
  ),
  session(day('2026-10-12'), main, [
    [m[1]!, true, 2, { gradeOpinion: 'v3', rating: 4 }],
    [m[2]!, false, 5, { notes: '=SUM(A1)' }],
  ]),
  session(day('2026-10-19', 7), cave, [
    [c[0]!, true, 1, { gradeOpinion: '6A+' }],
    [m[0]!, true, 1],
  ]),
  session(day('2026-10-26'), null, [
    [m[2]!, true, 3, { gradeOpinion: 'soft V5', notes: 'finally,\nsent' }],
  ]),
  session(day('2026-11-02'), main, []),
  session(day('2026-11-09', 23), main, [
    [m[4]!, true, 1, { rating: 5 }],
    [m[5]!, false, 8],
    [m[3]!, true, 2],
  ]),
  session(day('2026-11-16'), old, [[o[0]!, true, 1]]),
  session(
    day('2026-11-23'),
    main,
    [
      [m[5]!, true, 3, { gradeOpinion: 'V6' }],
      [m[2]!, true, 1],
    ],
    { notes: '-minus start' },
  ),
];
const benSessions = [
  session(day('2026-10-07'), cave, [
    [c[0]!, false, 3],
    [c[1]!, false, 6, { gradeOpinion: '7B' }],
  ]),
  session(day('2026-10-21'), cave, [
    [c[0]!, true, 2, { rating: 2 }],
    [c[1]!, true, 4, { gradeOpinion: '7a' }],
  ]),
  session(day('2026-11-11'), main, [
    [m[0]!, true, 1],
    [m[4]!, false, 2],
  ]),
];
type Bulk = { results: { success: boolean; sessionId?: string }[] };
const anaIds = (
  await ok('ana bulk', ana.post<Bulk>('/sessions/sync/bulk', { sessions: anaSessions }))
).results.map((r) => r.sessionId!);
await ok('ben bulk', ben.post<Bulk>('/sessions/sync/bulk', benSessions));
// A second device edits Ana's second session from revision 1 (adds a route, drops another).
const edit = anaSessions[1]!;
await ok(
  'ana edit',
  ana.post('/sessions/offline', {
    ...edit,
    baseRevision: 1,
    notes: 'edited on the tablet',
    updatedAt: day('2026-10-13'),
    removedRouteIds: [edit.routes[1]!.clientRouteId],
    routes: [
      edit.routes[0]!,
      {
        ...edit.routes[0]!,
        clientRouteId: 'tablet-1',
        climbId: m[0]!,
        isSuccess: true,
        attempts: 1,
        loggedAt: day('2026-10-12', 19),
        updatedAt: day('2026-10-13'),
      },
    ],
  }),
);
// An older replay of it from the phone, merged.
await ok(
  'ana replay',
  ana.post('/sessions/offline', { ...edit, notes: 'phone copy', updatedAt: day('2026-10-12', 21) }),
);
await ok('ana delete', ana.delete(`/sessions/${anaIds[6]}`));
await ok('archive the old wall', setter.patch(`/layouts/${old}`, { archived: true }));

// What the release answered: every read of a climber's own data, the catalogue, the accounts.
const answers: Record<string, { status: number; body: unknown; text?: true }> = {};
const get = async (who: string, url: string) => {
  const res = await (who === 'anonymous' ? client(app) : apis[who]!).get(url);
  answers[`${who} ${url}`] = { status: res.status, body: res.body ?? null };
};
const getText = async (who: string, url: string) => {
  const res = await app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
  });
  answers[`${who} ${url}`] = { status: res.statusCode, body: res.body, text: true };
};
for (const account of V2_ACCOUNTS) await get(account.key, '/me');
for (const who of ['anonymous', 'ana', 'setter']) await get(who, '/layouts');
for (const layoutId of [main, cave, old]) await get('anonymous', `/layouts/${layoutId}/climbs`);
const period = 'from=2026-09-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z';
for (const who of ['ana', 'ben', 'cleo']) {
  await get(who, '/sessions?limit=200');
  await get(who, '/sessions?limit=3');
  await get(who, '/sessions?updatedSince=&limit=200');
  await get(who, '/stats');
  await get(who, `/stats?${period}&tz=Europe%2FZurich`);
  await get(who, `/stats?${period}&tz=America%2FNew_York&grades=own`);
  await get(who, '/sessions/export?format=json');
  await getText(who, '/sessions/export?format=csv');
  await getText(who, '/sessions/export?format=csv&tz=Europe%2FZurich');
  for (const climbId of [m[0]!, m[2]!, c[1]!, o[0]!]) await get(who, `/climbs/${climbId}/history`);
}
for (const id of anaIds) await get('ana', `/sessions/${id}`);

const tables: Record<string, unknown[]> = {};
for (const table of V2_TABLES) {
  const [row] = await queryRows<{ rows: unknown[] }>(
    db,
    sql.raw(`select coalesce(json_agg(t order by t::text), '[]'::json) as rows from ${table} t`),
  );
  tables[table] = row!.rows;
}
writeFileSync(join(outDir, 'v2-database.json'), `${JSON.stringify(tables, null, 1)}\n`);
const recorded = {
  now: new Date(V2_NOW).toISOString(),
  password: V2_PASSWORD,
  accounts: V2_ACCOUNTS,
  answers,
};
writeFileSync(join(outDir, 'v2-answers.json'), `${JSON.stringify(recorded, null, 1)}\n`);
await app.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`recorded ${Object.keys(answers).length} answers\n`);
