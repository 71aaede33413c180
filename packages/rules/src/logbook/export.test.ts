import { climbKeyOf } from '@sendlog/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ascentTypeFromFirsts,
  ascentTypeOf,
  compareTryKeys,
  csvField,
  csvText,
  EXPORT_CSV_HEADER,
  exportCsv,
  type ClimbFirsts,
  type ExportSession,
  type TryKey,
} from './export.js';
import { CLIMB_GRADES, session } from './fixtures.js';
import { orderTries, type OrderedTry } from './tries.js';
import type { LogbookSession } from './types.js';

const MINUTE = 60_000;

function exportSession(s: LogbookSession, notes: string | null = null): ExportSession {
  return {
    ...s,
    notes,
    layoutId: 'wall-1',
    routes: s.routes.map((r) => ({ ...r, updatedAt: r.loggedAt ?? s.startTime })),
  };
}

const keyOf = (t: OrderedTry): TryKey => ({
  atMs: t.atMs,
  sessionStartMs: t.sessionStartMs,
  sessionId: t.session.id,
  routeId: t.route.id,
});

describe('CSV fields', () => {
  it('quotes only what must be quoted, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('Überhang – 頂上 🧗')).toBe('Überhang – 頂上 🧗');
    expect(csvField('')).toBe('');
  });

  it('makes typed text that a spreadsheet would run as a formula inert', () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-2 holds')).toBe("'-2 holds");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tcmd')).toBe("'\tcmd");
    expect(csvText('a=b')).toBe('a=b');
    // Spreadsheets skip blanks and line breaks before a formula.
    expect(csvText(' =1+1')).toBe("' =1+1");
    expect(csvText('   @SUM(A1)')).toBe("'   @SUM(A1)");
    expect(csvText('\n=cmd|"/c calc"!A1')).toBe(`"'\n=cmd|""/c calc""!A1"`);
    expect(csvText('\r\n+1')).toBe(`"'\r\n+1"`);
    expect(csvText('\u00a0-2')).toBe("'\u00a0-2");
    expect(csvText(' plain text')).toBe(' plain text');
    expect(csvText(null)).toBe('');
  });
});

describe('exportCsv', () => {
  it('writes one line per try with the contract columns, oldest session first', () => {
    const first = exportSession(
      session('s1', '2026-03-02T09:00:00.000Z', [
        { climb: 'a', sent: false, attempts: 2, notes: 'crimpy, "sharp"' },
        { climb: 'b', sent: true, attempts: 1, own: '-soft', rating: 3 },
      ]),
      'line one\nline two',
    );
    const second = exportSession(
      session('s2', '2026-03-09T23:30:00.000Z', [
        { climb: 'a', sent: true, attempts: 1 },
        { climb: 'b', sent: true, attempts: 4 },
        { climb: 'x', sent: true, attempts: 1 },
      ]),
    );
    const gone = exportSession(
      session('s0', '2026-03-01T09:00:00.000Z', [{ climb: 'x', sent: true }]),
    );
    const csv = exportCsv(
      [second, { ...gone, deleted: true }, { ...first, gym: { id: 'g1', name: '=Bloc, Zürich' } }],
      new Map([['wall-1', 'Cave']]),
      'Europe/Berlin',
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'ascent_id,session_id,climbed_at,date,wall,climb_id,climb_name,grade_system,route_grade,my_grade,ascent_type,sent,attempts,stars,notes,session_notes,updated_at,gym,place,climb_kind',
    );
    expect(`${lines[0]}\r\n`).toBe(EXPORT_CSV_HEADER);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(EXPORT_CSV_HEADER.length)).toBe(
      [
        's1-r00,s1,2026-03-02T09:01:00.000Z,2026-03-02,Cave,a,Climb a,V,V2,,attempt,false,2,,"crimpy, ""sharp""","line one\nline two",2026-03-02T09:01:00.000Z,"\'=Bloc, Zürich",,',
        's1-r01,s1,2026-03-02T09:02:00.000Z,2026-03-02,Cave,b,Climb b,V,V4,\'-soft,flash,true,1,3,,"line one\nline two",2026-03-02T09:02:00.000Z,"\'=Bloc, Zürich",,',
        // 23:31 UTC on Monday is Tuesday in Berlin; a flash after a failed try is a send.
        's2-r00,s2,2026-03-09T23:31:00.000Z,2026-03-10,Cave,a,Climb a,V,V2,,send,true,1,,,,2026-03-09T23:31:00.000Z,,,',
        's2-r01,s2,2026-03-09T23:32:00.000Z,2026-03-10,Cave,b,Climb b,V,V4,,repeat,true,4,,,,2026-03-09T23:32:00.000Z,,,',
        // The deleted session's try at x does not count: this is x's first try.
        's2-r02,s2,2026-03-09T23:33:00.000Z,2026-03-10,Cave,x,Climb x,,project?,,flash,true,1,,,,2026-03-09T23:33:00.000Z,,,',
        '',
      ].join('\r\n'),
    );
  });
});

const tryArb = fc.record({
  climb: fc.constantFrom(...Object.keys(CLIMB_GRADES)),
  sent: fc.boolean(),
  attempts: fc.integer({ min: 1, max: 2 }),
  at: fc.option(fc.integer({ min: -30, max: 120 }), { nil: null }),
});
const historyArb = fc.array(
  fc.record({
    startMinute: fc.integer({ min: 0, max: 600 }),
    deleted: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
    tries: fc.array(tryArb, { maxLength: 5 }),
  }),
  { maxLength: 10 },
);

describe('ascent types from the first try and first send of each climb', () => {
  it('agree with the total order of tries (the server streams the export with them)', () => {
    fc.assert(
      fc.property(historyArb, (raw) => {
        const history = raw.map((s, i) => {
          // Minutes apart and often equal, so the tie-breaks of the order are exercised.
          const startMs = Date.parse('2026-05-01T00:00:00Z') + s.startMinute * MINUTE;
          return session(
            `s${i % 3}${i}`,
            new Date(startMs).toISOString(),
            s.tries.map((t) => ({
              ...t,
              at: t.at === null ? null : new Date(startMs + t.at * MINUTE).toISOString(),
            })),
            { deleted: s.deleted },
          );
        });
        const tries = orderTries(history);
        const firsts = new Map<string, ClimbFirsts>();
        for (const t of tries) {
          const f = firsts.get(climbKeyOf(t.route)) ?? { firstTry: keyOf(t), firstSend: null };
          if (t.route.isSuccess && f.firstSend === null) f.firstSend = keyOf(t);
          firsts.set(climbKeyOf(t.route), f);
        }
        for (const t of tries) {
          const type = ascentTypeFromFirsts(
            { ...keyOf(t), isSuccess: t.route.isSuccess, attempts: t.route.attempts },
            firsts.get(climbKeyOf(t.route))!,
          );
          expect(type).toBe(ascentTypeOf(t));
        }
        for (let i = 1; i < tries.length; i += 1) {
          expect(compareTryKeys(keyOf(tries[i - 1]!), keyOf(tries[i]!))).toBeLessThan(0);
        }
      }),
    );
  });
});
