import type { ErrorBody, StatsResponse } from '@sendlog/contract';
import { computeStats } from '@sendlog/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIMBS } from '../../demo/gym.js';
import { client, newUser } from '../../testing/client.js';
import { startLogbookApp, type LogbookApp } from '../../testing/logbook-app.js';
import { allSessions, asLogbook, ingest } from '../../testing/logbook-history.js';
import { BACKENDS, SERVER_START_TIMEOUT } from '../../testing/index.js';

/** The first active demo climbs of `grade` (the demo gym has two or three of each). */
function climbs(grade: string): string[] {
  return DEMO_CLIMBS.filter((c) => c.grade === grade && !c.archived).map((c) => c.id);
}
const [V2a, V2b] = climbs('V2') as [string, string];
const [V4a] = climbs('V4') as [string];
const [V6a] = climbs('V6') as [string];

const period = (from: string, to: string, extra = '') =>
  `/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`;

describe.each(BACKENDS)('GET /stats on $name', (backend) => {
  let server: LogbookApp;
  beforeAll(async () => {
    server = await startLogbookApp(backend);
  }, SERVER_START_TIMEOUT);
  afterAll(() => server?.close());

  /** The server's answer, checked against the rules module on the same sessions. */
  async function stats(api: ReturnType<typeof client>, url: string, deleted = new Set<string>()) {
    const res = await api.get<StatsResponse>(url);
    expect(res.status).toBe(200);
    const q = new URL(url, 'http://x').searchParams;
    const expected = computeStats(asLogbook(await allSessions(api), deleted), {
      from: res.body.period.from,
      to: res.body.period.to,
      tz: q.get('tz') ?? 'UTC',
      grades: q.get('grades') === 'own' ? 'own' : 'route',
    });
    expect(res.body).toEqual(expected);
    return res.body;
  }

  it('a flash after an earlier failed session is a send; a repeat adds no pyramid count', async () => {
    const { api } = await newUser(server.app);
    await ingest(api, [
      { start: '2026-02-02T18:00:00Z', tries: [{ climbId: V2a, sent: false, attempts: 3 }] },
      {
        start: '2026-03-02T18:00:00Z',
        tries: [
          { climbId: V2a, sent: true, attempts: 1 },
          { climbId: V4a, sent: true, attempts: 1 },
          { climbId: V4a, sent: true, attempts: 1 },
          { climbId: V6a, sent: false, attempts: 5 },
        ],
      },
    ]);
    const s = await stats(api, period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'));
    expect(s).toMatchObject({
      sessions: 1,
      climbingDays: 1,
      tries: 4,
      attempts: 8,
      sends: 3,
      flashes: 1,
      repeats: 1,
      hardestSend: { grade: 'V4', climbId: V4a, date: '2026-03-02' },
      hardestFlash: { grade: 'V4', climbId: V4a, date: '2026-03-02' },
    });
    expect(s.pyramid).toEqual([
      { grade: 'V6', flashed: 0, sent: 0, triedOnly: 1 },
      { grade: 'V4', flashed: 1, sent: 0, triedOnly: 0 },
      { grade: 'V2', flashed: 0, sent: 1, triedOnly: 0 },
    ]);
    // 1 March 2026 is a Sunday, 31 March a Tuesday.
    expect(s.weeks.map((w) => w.weekStart)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(s.weeks[1]).toEqual({ weekStart: '2026-03-02', sessions: 1, attempts: 8, sends: 3 });
  });

  it('counts at the climber own grade when asked, the route grade for free text', async () => {
    const { api } = await newUser(server.app);
    await ingest(api, [
      {
        start: '2026-03-03T18:00:00Z',
        tries: [
          { climbId: V2a, sent: true, attempts: 2, own: ' v4 ' },
          { climbId: V2b, sent: true, attempts: 2, own: 'soft V5' },
          { climbId: V4a, sent: false, own: '6c+' },
        ],
      },
    ]);
    const url = period('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    const byRoute = await stats(api, url);
    expect(byRoute.pyramid).toEqual([
      { grade: 'V4', flashed: 0, sent: 0, triedOnly: 1 },
      { grade: 'V2', flashed: 0, sent: 2, triedOnly: 0 },
    ]);
    const byOwn = await stats(api, `${url}&grades=own`);
    expect(byOwn.pyramid).toEqual([
      { grade: '6C+', flashed: 0, sent: 0, triedOnly: 1 },
      { grade: 'V4', flashed: 0, sent: 1, triedOnly: 0 },
      { grade: 'V2', flashed: 0, sent: 1, triedOnly: 0 },
    ]);
    expect(byOwn.hardestSend).toMatchObject({ grade: 'V4', climbId: V2a });
  });

  it('puts a try at 23:30 on Sunday UTC in the next week in Europe/Berlin', async () => {
    const { api } = await newUser(server.app);
    await ingest(api, [
      { start: '2026-03-08T23:30:00Z', tries: [{ climbId: V2a, sent: true, at: 10 }] },
    ]);
    const url = period('2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z');
    const utc = await stats(api, url);
    expect(utc.weeks.map((w) => [w.weekStart, w.sessions])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-09', 0],
    ]);
    expect(utc.hardestSend?.date).toBe('2026-03-08');
    const berlin = await stats(api, `${url}&tz=Europe%2FBerlin`);
    // The period is 01:00 Monday 2 March to 01:00 Monday 16 March in Berlin: three weeks.
    expect(berlin.weeks.map((w) => [w.weekStart, w.sessions])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-09', 1],
      ['2026-03-16', 0],
    ]);
    expect(berlin.hardestSend?.date).toBe('2026-03-09');
  });

  it('leaves deleted sessions out, also as earlier tries', async () => {
    const { api } = await newUser(server.app);
    const [early] = await ingest(api, [
      { start: '2026-02-02T18:00:00Z', tries: [{ climbId: V2a, sent: true }] },
      { start: '2026-03-02T18:00:00Z', tries: [{ climbId: V2a, sent: true }] },
    ]);
    await server.deleteSession(early!);
    const s = await stats(
      api,
      period('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'),
      new Set([early!]),
    );
    expect(s).toMatchObject({ sessions: 1, tries: 1, flashes: 1, repeats: 0 });
  });

  it('defaults to the last 12 ISO weeks in UTC by the route grade', async () => {
    const { api } = await newUser(server.app);
    const s = await stats(api, '/stats');
    expect(s.weeks).toHaveLength(12);
    expect(new Date(s.period.from).getUTCDay()).toBe(1);
    expect(Math.abs(Date.parse(s.period.to) - Date.now())).toBeLessThan(60_000);
    expect(s).toMatchObject({ sessions: 0, tries: 0, pyramid: [], hardestSend: null });
  });

  it('refuses a period over 5 years at from, and an unknown zone at tz', async () => {
    const { api } = await newUser(server.app);
    const long = await api.get<ErrorBody>(period('2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z'));
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('validation_failed');
    expect(long.body.error.details).toEqual([
      { path: 'from', message: 'a period lasts at most 5 years' },
    ]);
    const onlyFrom = await api.get<ErrorBody>('/stats?from=2019-01-01T00:00:00Z');
    expect(onlyFrom.status).toBe(400);
    expect(onlyFrom.body.error.details?.map((d) => d.path)).toEqual(['from']);
    const zone = await api.get<ErrorBody>('/stats?tz=Mars%2FOlympus');
    expect(zone.status).toBe(400);
    expect(zone.body.error.code).toBe('validation_failed');
    expect(zone.body.error.details?.map((d) => d.path)).toEqual(['tz']);
    expect((await client(server.app).get('/stats')).status).toBe(401);
  });
});
