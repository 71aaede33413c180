import { describe, expect, it } from 'vitest';
import { detectImportFileFormat, expectedColumnsOf, headerColumnsOf } from './imports.js';

describe('recognising a logbook from its first line', () => {
  it('reads a header with a BOM, quotes, doubled quotes and `;`', () => {
    expect(headerColumnsOf('\uFEFF"a";"b ""x""";c\r\n1;2;3')).toEqual(['a', 'b "x"', 'c']);
    expect(headerColumnsOf('Date,Route,"Avg Stars"\n')).toEqual(['Date', 'Route', 'Avg Stars']);
  });

  it.each([
    ['{"format":"sendlog-backup","version":1,"sessions":[]}', 'sendlog'],
    ['{"hello":1}', null],
    [
      'Date,Route,Rating,Notes,URL,Pitches,Location,"Avg Stars","Your Stars",Style,"Lead Style","Route Type","Your Rating",Length,"Rating Code"\n',
      'mountainproject',
    ],
    ['"route_boulder","name","location_name","date","type","difficulty","tries"\n', '8a'],
    [
      'date,stiffness,rating,ascent_type,attempts,grade,color,climb_name,gym,location,country',
      'kaya',
    ],
    ['board,angle,name,date,grade,tries\r\n', 'boardlib'],
    ['name,grade\n', null],
  ])('%s → %s', (text, format) => {
    expect(detectImportFileFormat(text)).toBe(format);
  });

  it('names the columns a format expects', () => {
    expect(expectedColumnsOf('kaya')).toBe('date, ascent_type, attempts, grade, climb_name, gym');
  });
});
