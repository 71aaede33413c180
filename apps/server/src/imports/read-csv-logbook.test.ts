import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectImportFormat } from '@sendlog/contract';
import { readCsvLogbook } from './read-csv-logbook.js';
import { readCsv } from './csv-rows.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const summary = (t: {
  line: number;
  time: { day: string };
  place: string | null;
  name: string;
  grade: string;
  kind: string;
  sent: boolean;
  attempts: number;
}) => [t.line, t.time.day, t.place, t.name, t.grade, t.kind, t.sent, t.attempts];

function read(format: Parameters<typeof readCsvLogbook>[0], file: Buffer, tz = 'UTC') {
  const r = readCsvLogbook(format, file, tz);
  if (!r.ok) throw new Error(`not ${format}: ${r.header.join(',')}`);
  return r;
}

describe('theCrag logbook CSV', () => {
  const r = read('thecrag', fixture('thecrag-logbook.csv'), 'America/Los_Angeles');

  it('maps ascent types and gear styles, keeping its dates on their day west of Greenwich', () => {
    expect(r.ticks.map(summary)).toEqual([
      [2, '2026-01-21', 'La Palma', 'La parka', '6b+', 'route', true, 1],
      [3, '2026-01-13', 'Tenerife', 'Mi abuelita la maldita', '6b+', 'route', true, 1],
      [4, '2026-01-13', 'Tenerife', 'Mi abuelita la maldita', '6b+', 'route', false, 1],
      [5, '2025-11-16', 'Montserrat', 'Ignasi Jorba', '5c', 'route', true, 1],
      [8, '2025-09-14', 'Can Boquet', 'Los mariachis', '6B', 'boulder', false, 1],
      [9, '2025-09-14', 'Can Boquet', 'Nando', '6A+', 'boulder', true, 1],
      // No ascent date: the day it was logged (an instant, in the climber's zone).
      [11, '2025-12-07', 'Siurana', 'Arrebato', '6b+', 'route', true, 1],
    ]);
    expect(r.ticks[0]!.sourceId).toBe('13045969326');
  });

  it('keeps every character of a comment, quotes, newlines, blanks and emoji included', () => {
    expect(r.ticks[3]!.notes).toBe(
      'My first multi-pitch route! Repeat "on sight" next year.\n1:\n2:  ',
    );
    expect(r.ticks[4]!.notes).toBe('Interesting sit start with a high heel hook 🤪');
    expect(r.ticks[5]!.notes).toBeNull();
  });

  it('refuses a mark, which is a list entry, with its line', () => {
    expect(r.rejected).toEqual([
      { line: 10, reason: '"Mark" marks a climb on a list, not an ascent' },
    ]);
  });

  it('reads the same file as a European Excel saves it: BOM, `;` and CRLF', () => {
    const text = fixture('thecrag-logbook.csv').toString('utf8');
    const table = readCsv(Buffer.from(text));
    const line = (fields: string[]) =>
      fields.map((f) => (/[;"\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';');
    const excel =
      '\uFEFF' +
      [line(table.header), ...table.rows.map((row) => ('fields' in row ? line(row.fields) : ''))]
        .join('\r\n')
        .replace(/(?<!\r)\n/g, '\r\n');
    const again = read('thecrag', Buffer.from(excel), 'America/Los_Angeles');
    expect(again.ticks.map(summary)).toEqual(r.ticks.map(summary));
    expect(again.ticks[3]!.notes).toBe(
      'My first multi-pitch route! Repeat "on sight" next year.\r\n1:\r\n2:  ',
    );
  });
});

describe('8a.nu logbook CSV', () => {
  it('reads today’s export: quoted fields, ROUTE/BOULDER, tries or what the type implies', () => {
    const r = read('8a', fixture('8a-logbook.csv'), 'Europe/Madrid');
    expect(r.ticks.map(summary)).toEqual([
      [2, '2024-03-14', 'Siurana', 'Memorias de una sepia', '7c+', 'route', true, 8],
      [3, '2024-03-14', 'Pratdip', 'Viva Festina', '7b', 'route', true, 1],
      [4, '2024-04-02', 'Albarracín', 'Gorilla', '7A', 'boulder', true, 1],
      [6, '2024-04-02', 'Albarracín', 'Zarzamora', '7B', 'boulder', true, 2],
      [7, '2024-04-02', 'Albarracín', 'Techo de los Intocables', '7C', 'boulder', false, 5],
    ]);
    expect(r.ticks[2]!.notes).toBe('Perfect "pebble", mind the landing,\nthen top out left');
    expect(r.ticks[0]!.time.at).toBe('2024-03-14T11:00:00.000Z');
    expect(r.rejected).toEqual([{ line: 8, reason: 'the date is missing or not a date' }]);
  });

  it('reads the export of the old site, its type codes and dates with times', () => {
    const r = read('8a', fixture('8a-logbook-old.csv'));
    expect(r.ticks.map(summary)).toEqual([
      [2, '2019-10-10', 'Yangshuo', 'Single Life', '8a', 'route', true, 24],
      [3, '2019-10-10', 'Yangshuo', 'Gin and Tonic', '8a', 'route', true, 2],
      [4, '2021-11-04', 'Negociee', 'Marihuana', '8a', 'route', true, 1],
    ]);
    expect(r.ticks[2]!.notes).toBe('Quite unique for Siurana, little crimps. ');
  });
});

describe('Mountain Project ticks CSV', () => {
  const r = read('mountainproject', fixture('mountainproject-ticks.csv'), 'America/Denver');

  it('maps styles and lead styles, boulders by route type, both date forms', () => {
    expect(r.ticks.map(summary)).toEqual([
      [
        2,
        '2024-03-23',
        'Colorado > Golden > Clear Creek Canyon > The Sports Wall',
        'Balkan Dirt Diving',
        '5.12a',
        'route',
        true,
        1,
      ],
      [
        3,
        '2024-03-23',
        'Colorado > Golden > Clear Creek Canyon > The Sports Wall',
        'Generation Gap',
        '5.11a',
        'route',
        false,
        1,
      ],
      [
        4,
        '2024-03-23',
        'Colorado > Golden > Clear Creek Canyon > The Sports Wall',
        'Generation Gap',
        '5.11a',
        'route',
        true,
        1,
      ],
      [5, '2024-04-06', 'Washington > Exit 38', 'Double Play', 'V6', 'boulder', true, 1],
      [6, '2024-04-06', 'Washington > Exit 38', 'The Pearl', 'V4', 'boulder', false, 1],
      [
        7,
        '2024-04-07',
        'Colorado > Rifle > Rifle Mountain Park > The Arsenal',
        'Sprayathon',
        '5.13c',
        'route',
        true,
        1,
      ],
    ]);
    expect(r.ticks[1]!.notes).toBe('Great climb, wet crux tho ');
  });

  it('refuses a style it does not know rather than guess', () => {
    expect(r.rejected).toEqual([{ line: 8, reason: 'unknown style "Aid"' }]);
  });
});

describe('KAYA CSV', () => {
  it('reads JavaScript dates in the climber’s zone, names unnamed gym problems by colour', () => {
    const r = read('kaya', fixture('kaya-ascents.csv'), 'America/Los_Angeles');
    expect(r.ticks.map(summary)).toEqual([
      [
        2,
        '2026-07-06',
        'Touchstone Great Western Power Company',
        'Blue v2',
        'v2',
        'boulder',
        true,
        1,
      ],
      [
        3,
        '2026-07-06',
        'Touchstone Great Western Power Company',
        'TCS #7',
        'v4',
        'boulder',
        true,
        3,
      ],
      [4, '2026-07-09', 'Touchstone Pacific Pipe', 'Pink v6', 'v6', 'boulder', false, 4],
      [5, '2026-07-09', 'Touchstone Pacific Pipe', 'Lead 12', '5.11a', 'route', true, 1],
    ]);
    expect(r.ticks[0]!.time.at).toBe('2026-07-06T22:21:59.000Z');
    expect(r.rejected).toEqual([{ line: 6, reason: 'unknown ascent type "Dyno"' }]);
  });
});

describe('BoardLib CSV', () => {
  it('reads Python’s CSV: CRLF, True/False, tries; the angle is part of the problem', () => {
    const r = read('boardlib', fixture('boardlib-logbook.csv'));
    expect(r.ticks.map(summary)).toEqual([
      [2, '2024-01-15', 'kilter', 'Swooped @ 40°', '6B+/V4', 'boulder', true, 3],
      [3, '2024-01-22', 'kilter', 'Swooped @ 40°', '6B+/V4', 'boulder', true, 1],
      [4, '2024-01-22', 'kilter', 'The Wedge @ 45°', '7A/V6', 'boulder', false, 6],
      [5, '2024-01-22', 'tension', 'Crimp City @ 40°', '6C/V5', 'boulder', true, 2],
    ]);
    expect(r.ticks[1]!.notes).toBe('smoother, "finally"');
    expect(r.rejected).toEqual([]);
  });

  it('refuses only the row whose text cannot be stored (a NUL), not its whole day', () => {
    const r = read(
      'boardlib',
      Buffer.from(
        'board,angle,name,date,grade,tries\r\nkilter,40,A,2021-07-13,V5,1\r\nkilter,40,B\u0000,2021-07-13,V5,1\r\n',
      ),
    );
    expect(r.ticks.map((t) => t.name)).toEqual(['A @ 40°']);
    expect(r.rejected).toEqual([
      { line: 3, reason: expect.stringMatching(/^the name holds text that cannot be stored/) },
    ]);
  });

  it('reads the earlier shape, ascents only', () => {
    const r = read(
      'boardlib',
      Buffer.from('board,angle,name,date,grade,tries\r\nmoon2017,40,C3PO,2021-07-13,V5,1\r\n'),
    );
    expect(r.ticks.map(summary)).toEqual([
      [2, '2021-07-13', 'moon2017', 'C3PO @ 40°', 'V5', 'boulder', true, 1],
    ]);
  });
});

describe('detecting the logbook from the header', () => {
  it.each([
    ['thecrag-logbook.csv', 'thecrag'],
    ['8a-logbook.csv', '8a'],
    ['8a-logbook-old.csv', '8a'],
    ['mountainproject-ticks.csv', 'mountainproject'],
    ['kaya-ascents.csv', 'kaya'],
    ['boardlib-logbook.csv', 'boardlib'],
  ])('%s is %s', (name, format) => {
    expect(detectImportFormat(readCsv(fixture(name)).header)).toBe(format);
  });

  it('a file of another logbook is not the format asked for', () => {
    const r = readCsvLogbook('kaya', fixture('mountainproject-ticks.csv'), 'UTC');
    expect(r.ok).toBe(false);
    expect(detectImportFormat(['a', 'b'])).toBeNull();
  });
});
