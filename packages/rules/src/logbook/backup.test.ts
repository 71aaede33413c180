import { sessionsBackupSchema, type Session, type User } from '@sendlog/contract';
import { describe, expect, it } from 'vitest';
import { backupHead, compareExportOrder, sessionsBackup } from './backup.js';

const user: User = {
  id: 'u1',
  email: 'climber@example.com',
  name: 'Ada',
  role: 'climber',
  gradeSystem: 'Font',
};

function session(id: string, startTime: string, notes: string | null = null): Session {
  return {
    id,
    clientSessionId: id,
    layoutId: 'wall-1',
    startTime,
    endTime: null,
    notes,
    revision: 1,
    createdAt: startTime,
    updatedAt: startTime,
    routes: [
      {
        id: `${id}-r1`,
        clientRouteId: `${id}-r1`,
        climbId: 'c1',
        climbName: 'Crimp "School", 頂上 🧗',
        grade: 'V3',
        isSuccess: true,
        attempts: 2,
        notes: 'line one\nline two',
        rating: 4,
        gradeOpinion: 'soft V3',
        loggedAt: startTime,
        updatedAt: startTime,
      },
    ],
  };
}

describe('the JSON backup', () => {
  it('writes the head the server streams, in the same key order', () => {
    expect(JSON.stringify(backupHead(user, '2026-05-01T10:00:00.000Z'))).toBe(
      JSON.stringify({
        format: 'sendlog-backup',
        version: 1,
        exportedAt: '2026-05-01T10:00:00.000Z',
        user,
      }),
    );
  });

  it('keeps every session as given, oldest start first then by id, and parses as the contract says', () => {
    const late = session('b', '2026-03-09T10:00:00.000Z', 'late');
    const tieB = session('z', '2026-03-02T09:00:00+01:00');
    const tieA = session('a', '2026-03-02T08:00:00.000Z');
    const backup = sessionsBackup(user, [late, tieB, tieA], '2026-05-01T10:00:00.000Z');
    expect(backup.sessions.map((s) => s.id)).toEqual(['a', 'z', 'b']);
    // Nothing lost: a round trip through the file's text and the contract gives the same sessions.
    const read = sessionsBackupSchema.parse(JSON.parse(JSON.stringify(backup)));
    expect(read.sessions).toEqual([tieA, tieB, late]);
    expect(read.user).toEqual(user);
  });

  it('orders by the instant, not the text of the start', () => {
    const a = { id: 'a', startTime: '2026-03-02T10:00:00+02:00' };
    const b = { id: 'b', startTime: '2026-03-02T09:00:00.000Z' };
    expect(compareExportOrder(a, b)).toBeLessThan(0);
    expect(compareExportOrder(b, b)).toBe(0);
  });
});
