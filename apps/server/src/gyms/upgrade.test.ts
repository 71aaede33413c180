import type {
  AuthResponse,
  ClimbsResponse,
  Gym,
  GymsResponse,
  LayoutsResponse,
  MeResponse,
} from '@sendlog/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { migrateUnderLock } from '../db/migrate.js';
import { queryRows } from '../db/sql.js';
import { afterUpgrade } from './upgrade-gym.js';
import { upgradeFixture, V2_ROWS, v2Database } from './upgrade-fixture/v2-database.js';
import {
  BACKENDS,
  SERVER_START_TIMEOUT,
  spawnServer,
  type TestDatabase,
} from '../testing/index.js';

/**
 * The upgrade as an operator meets it: a database the last release before gyms wrote through its
 * own API (`upgrade-fixture/`, recorded with that release by record-v2.ts, with what it answered
 * then), opened by a server process of this release configured by its environment. Every
 * account's sessions, stats, history and exports answer what they answered before (plus what v3
 * adds: a gym on walls, backups and the CSV), inside one gym named by SENDLOG_GYM_NAME.
 */

interface Recorded {
  now: string;
  password: string;
  accounts: { key: string; email: string; role: string }[];
  answers: Record<string, { status: number; body: unknown; text?: true }>;
}
const V2 = upgradeFixture('v2-answers.json') as Recorded;

/** RFC 4180 records (the export's CSV, CRLF line ends), each a list of fields. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return records;
}

async function call(url: string, path: string, token?: string) {
  const res = await fetch(`${url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: res.status, text, json: isJson ? (JSON.parse(text) as unknown) : null };
}

/**
 * A recorded `GET /layouts` as this release counts `climbCount`: the climbs up, not the archived
 * ones (a change of its own, not of the upgrade), read from the recorded climbs lists.
 */
function climbsUp(recorded: LayoutsResponse): LayoutsResponse {
  return {
    layouts: recorded.layouts.map((l) => {
      const climbs = V2.answers[`anonymous /layouts/${l.id}/climbs`]!.body as ClimbsResponse;
      return { ...l, climbCount: climbs.climbs.filter((c) => !c.archived).length };
    }),
  };
}

async function upgradeAndCompare(db: TestDatabase, gymName: string, timeZone: string) {
  const server = await spawnServer({
    env: {
      ...db.env,
      SENDLOG_DEMO: '0',
      SENDLOG_GYM_NAME: gymName,
      SENDLOG_GYM_TIMEZONE: timeZone,
    },
  });
  try {
    const tokens: Record<string, string> = {};
    for (const account of V2.accounts) {
      const res = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password: V2.password }),
      });
      tokens[account.key] = ((await res.json()) as AuthResponse).token;
    }

    const gyms = (await call(server.url, '/gyms')).json as GymsResponse;
    expect(gyms.gyms).toHaveLength(1);
    const gym = gyms.gyms[0]!;
    expect(gym).toMatchObject({
      name: gymName,
      timeZone,
      archived: false,
      // Main Wall and Font Cave; the Old Wall was archived.
      layoutCount: 2,
      // Their climbs not archived: Main Wall 6 (one of 7 archived), Font Cave 2.
      climbCount: 7,
    });

    for (const [key, before] of Object.entries(V2.answers)) {
      const [who, path] = key.split(' ') as [string, string];
      // The release's clock: the default period and the backup's time follow it.
      if (path === '/stats') continue;
      const after = await call(server.url, path, tokens[who]);
      expect(after.status, key).toBe(before.status);
      if (before.text) {
        const [head, ...rows] = csvRecords(after.text);
        const [v2Head, ...v2Rows] = csvRecords(before.body as string);
        // Appended after v2's: the gym, then a session elsewhere's place and an unlisted climb's
        // kind (both empty for what a v2 server stored: sessions at walls, catalogue climbs).
        expect(head, key).toEqual([...v2Head!, 'gym', 'place', 'climb_kind']);
        const v2Width = v2Head!.length;
        // Every v2 column the same; the gym is the wall's (none for a session without one).
        expect(
          rows.map((r) => r.slice(0, v2Width)),
          key,
        ).toEqual(v2Rows);
        const wallAt = v2Head!.indexOf('wall');
        expect(
          rows.map((r) => r.slice(v2Width)),
          key,
        ).toEqual(v2Rows.map((r) => [r[wallAt] === '' ? '' : gymName, '', '']));
        continue;
      }
      const body = structuredClone(after.json) as Record<string, unknown>;
      if (path.startsWith('/sessions/export')) {
        const sessions = body.sessions as { layoutId: string | null; gym: unknown }[];
        for (const s of sessions) {
          expect(s.gym, key).toEqual(s.layoutId === null ? null : { id: gym.id, name: gymName });
        }
        body.exportedAt = (before.body as { exportedAt: string }).exportedAt;
      }
      // Every field v2 answered, as it answered it (v3 only adds: gymId, removalPlannedAt, …).
      const expected = path === '/layouts' ? climbsUp(before.body as LayoutsResponse) : before.body;
      expect(body, key).toMatchObject(expected as object);
    }

    // Roles in their v2 meaning; where, per gym. Every account follows the gym.
    for (const account of V2.accounts) {
      const me = ((await call(server.url, '/me', tokens[account.key])).json as MeResponse).user;
      expect(me.role).toBe(account.role);
      const staff = {
        setter: [{ gymId: gym.id, role: 'setter' }],
        admin: [{ gymId: gym.id, role: 'admin' }],
      };
      expect(me.staff, account.key).toEqual(staff[account.role as keyof typeof staff]);
      const mine = (await call(server.url, '/me/gyms', tokens[account.key])).json as GymsResponse;
      expect(mine.gyms.map((g: Gym) => [g.id, g.following])).toEqual([[gym.id, true]]);
    }
    return gym;
  } finally {
    await server.stop();
  }
}

describe.each(BACKENDS)('upgrading a database from before gyms on $name', (backend) => {
  it(
    'becomes one gym named by the environment; every v2 answer stays; a restart changes nothing',
    async () => {
      const db = await backend.createSharedDatabase('upgrade');
      try {
        await v2Database(db.options);
        const gym = await upgradeAndCompare(db, 'Boulderhalle Zürich', 'Europe/Zurich');
        expect(gym.slug).toBe('boulderhalle-zurich');
        // Started again, with other settings: the gym is named once, nothing moves.
        const again = await upgradeAndCompare(db, 'Boulderhalle Zürich', 'Europe/Zurich');
        expect(again).toEqual(gym);
        const renamed = await spawnServer({
          env: { ...db.env, SENDLOG_DEMO: '0', SENDLOG_GYM_NAME: 'Another name' },
        });
        const list = (await call(renamed.url, '/gyms')).json as GymsResponse;
        await renamed.stop();
        expect(list.gyms).toEqual([gym]);
      } finally {
        await db.drop();
      }
    },
    SERVER_START_TIMEOUT * 2,
  );

  it(
    'names the gym "My gym" in UTC by default; a new database gets no gym at all',
    async () => {
      const fresh = await backend.createSharedDatabase('upgrade_fresh');
      const old = await backend.createSharedDatabase('upgrade_default');
      try {
        await v2Database(old.options, { users: V2_ROWS.users!.slice(0, 1) });
        for (const options of [fresh.options, old.options]) {
          const database = await openDatabase(options);
          try {
            await migrateUnderLock(database, afterUpgrade(undefined));
            const gyms = await queryRows<{ name: string; slug: string; time_zone: string }>(
              database.db,
              sql`select name, slug, time_zone from gyms`,
            );
            expect(gyms).toEqual(
              options === fresh.options
                ? []
                : [{ name: 'My gym', slug: 'my-gym', time_zone: 'UTC' }],
            );
          } finally {
            await database.close();
          }
        }
      } finally {
        await fresh.drop();
        await old.drop();
      }
    },
    SERVER_START_TIMEOUT,
  );
});
