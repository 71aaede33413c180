import { routeFieldsLost, sampleRouteContent } from '@sendlog/contract/testing';
import { parse } from 'csv-parse/sync';
import { EXPORT_CSV_COLUMNS } from '@sendlog/rules';
import { sessionsBackupSchema } from '@sendlog/contract';
import type { Climb, Layout, User } from '@sendlog/contract';
import { createMemoryStorage, createSessionStore } from '@sendlog/sync';
import type { LocalSession } from '../sync/types';
import { CLIMBS, testLayout } from '../testing/fakeApi';
import { backupSessionOf, buildLogbookExport, exportFileName } from './logbookExport';

const user: User = {
  id: 'user-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'climber',
  gradeSystem: 'Font',
};
const layouts: Layout[] = [
  testLayout({ id: 'wall', name: 'Main Wall, "north"', description: 'Crimps', climbCount: 3 }),
];
const climbsById = new Map<string, Climb>(CLIMBS.map((c) => [c.id, c]));
const NOW = new Date('2026-05-01T21:30:00.000Z');

/** Two sessions on a real store: one ended (pending sync), one still running. */
async function deviceSessions() {
  let clock = Date.parse('2026-04-20T18:00:00.000Z');
  let ids = 0;
  const store = await createSessionStore({
    storage: createMemoryStorage(),
    now: () => (clock += 60_000),
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  });
  const first = store.startSession({ layoutId: 'wall' });
  store.logRoute(first.id, {
    climbId: 'c-crimp',
    isSuccess: true,
    attempts: 1,
    rating: 4,
    gradeOpinion: '=soft V2',
    notes: 'crimpy, "sharp"\nthen a jug — Überhang 頂上 🧗',
  });
  store.logRoute(first.id, { climbId: 'c-dyno', isSuccess: false, attempts: 7 });
  store.updateNotes(first.id, 'evening, fingers ok');
  store.endSession(first.id);
  clock += 86_400_000;
  const second = store.startSession({ layoutId: 'wall' });
  store.logRoute(second.id, { climbId: 'c-crimp', isSuccess: true, attempts: 1 });
  store.logRoute(second.id, { climbId: 'c-dyno', isSuccess: true, attempts: 3 });
  return store.getSessions();
}

/** A session the server confirmed, as the store keeps one after a sync. */
function syncedSession(): LocalSession {
  return {
    id: 'client-s0',
    clientSessionId: 'client-s0',
    layoutId: 'wall',
    startTime: '2026-04-01T17:00:00.000Z',
    endTime: '2026-04-01T18:30:00.000Z',
    notes: null,
    routes: [
      {
        id: 'client-r0',
        climbId: 'c-gone',
        isSuccess: true,
        attempts: 2,
        notes: null,
        rating: null,
        gradeOpinion: null,
        loggedAt: '2026-04-01T17:10:00.000Z',
        updatedAt: '2026-04-01T17:10:00.000Z',
      },
    ],
    removedRouteIds: [],
    status: 'synced',
    updatedAt: '2026-04-01T18:30:00.000Z',
    localRevision: 3,
    sentRevision: 3,
    serverRevision: 2,
    serverSessionId: 'server-s0',
    lastError: null,
    attemptCount: 0,
    nextAttemptAt: null,
  };
}

const build = (format: 'csv' | 'json', sessions: readonly LocalSession[]) =>
  buildLogbookExport({
    format,
    user,
    sessions,
    climbsById,
    layouts,
    now: NOW,
    timeZone: 'Europe/Berlin',
  });

describe('the logbook export built on the device', () => {
  it('writes the CSV of the server export, which csv-parse reads back field for field', async () => {
    const sessions = [...(await deviceSessions()), syncedSession()];
    const { file, counts } = build('csv', sessions);
    expect(file).toMatchObject({ name: 'sendlog-2026-05-01.csv', mimeType: 'text/csv' });
    expect(file.text.startsWith(`${EXPORT_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(counts).toEqual({ tries: 5, sessions: 3, unsynced: 2 });

    const rows = parse(file.text, { columns: true }) as Record<string, string>[];
    expect(
      rows.map((r) => [r.climb_name, r.route_grade, r.ascent_type, r.sent, r.attempts]),
    ).toEqual([
      ['Unknown climb', '', 'send', 'true', '2'],
      ['Crimp School', 'V2', 'flash', 'true', '1'],
      ['Dyno Mite', 'V5', 'attempt', 'false', '7'],
      ['Crimp School', 'V2', 'repeat', 'true', '1'],
      ['Dyno Mite', 'V5', 'send', 'true', '3'],
    ]);
    const crimp = rows[1]!;
    expect(crimp.notes).toBe('crimpy, "sharp"\nthen a jug — Überhang 頂上 🧗');
    // Typed text a spreadsheet would run as a formula is made inert, as the server does.
    expect(crimp.my_grade).toBe("'=soft V2");
    expect(crimp.wall).toBe('Main Wall, "north"');
    expect(crimp.session_notes).toBe('evening, fingers ok');
    expect(crimp.stars).toBe('4');
    expect(crimp.grade_system).toBe('V');
    // The local date in the device's zone: 20:01 UTC is 22:01 in Berlin, the same day.
    expect(crimp.date).toBe('2026-04-20');
    expect(rows[0]!.session_id).toBe('server-s0');
  });

  it('writes the JSON backup, which loses nothing the store holds (pending and running sessions too)', async () => {
    const sessions = [...(await deviceSessions()), syncedSession()];
    const { file, counts } = build('json', sessions);
    expect(file).toMatchObject({ name: 'sendlog-2026-05-01.json', mimeType: 'application/json' });
    expect(counts.unsynced).toBe(2);
    const backup = sessionsBackupSchema.parse(JSON.parse(file.text));
    expect(backup).toMatchObject({ format: 'sendlog-backup', version: 1, user });
    expect(backup.exportedAt).toBe(NOW.toISOString());
    expect(backup.sessions.map((s) => s.startTime)).toEqual(
      [...sessions].map((s) => s.startTime).sort(),
    );
    for (const local of sessions) {
      const saved = backup.sessions.find((s) => s.clientSessionId === local.clientSessionId);
      expect(saved).toMatchObject({
        id: local.serverSessionId ?? local.id,
        layoutId: local.layoutId,
        startTime: local.startTime,
        endTime: local.endTime,
        notes: local.notes,
        revision: local.serverRevision ?? 0,
        updatedAt: local.updatedAt,
      });
      expect(saved?.routes).toEqual(
        local.routes.map((r) => ({
          id: r.id,
          clientRouteId: r.id,
          climbId: r.climbId,
          climbName: climbsById.get(r.climbId ?? '')?.name ?? 'Unknown climb',
          grade: climbsById.get(r.climbId ?? '')?.grade ?? '',
          isSuccess: r.isSuccess,
          attempts: r.attempts,
          notes: r.notes,
          rating: r.rating,
          gradeOpinion: r.gradeOpinion,
          loggedAt: r.loggedAt,
          updatedAt: r.updatedAt,
        })),
      );
    }
  });

  it('writes a header-only CSV and an empty backup for an empty logbook', () => {
    const csv = build('csv', []);
    expect(csv.file.text).toBe(`${EXPORT_CSV_COLUMNS.join(',')}\r\n`);
    expect(csv.counts).toEqual({ tries: 0, sessions: 0, unsynced: 0 });
    expect(sessionsBackupSchema.parse(JSON.parse(build('json', []).file.text)).sessions).toEqual(
      [],
    );
  });

  it('names the file by the date in the device zone', () => {
    expect(exportFileName('csv', NOW, 'Europe/Berlin')).toBe('sendlog-2026-05-01.csv');
    expect(exportFileName('json', NOW, 'Pacific/Kiritimati')).toBe('sendlog-2026-05-02.json');
  });

  it('carries every declared route field into the backup (a field added to the contract included)', () => {
    const content = sampleRouteContent();
    const local: LocalSession = {
      id: 'local-1',
      clientSessionId: 'local-1',
      layoutId: null,
      startTime: '2026-11-20T18:00:00.000Z',
      endTime: null,
      notes: null,
      routes: [{ id: 'r1', ...content, updatedAt: content.loggedAt }],
      removedRouteIds: [],
      status: 'completed',
      updatedAt: '2026-11-20T18:30:00.000Z',
      localRevision: 1,
      sentRevision: null,
      serverRevision: null,
      serverSessionId: null,
      lastError: null,
      attemptCount: 0,
      nextAttemptAt: null,
    };
    const backup = backupSessionOf(local, new Map());
    expect(routeFieldsLost(content, backup.routes[0] ?? {})).toEqual([]);
  });
});
