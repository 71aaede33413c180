import { z } from 'zod';
import { timeZoneSchema } from './logbook.js';

/** The files `POST /imports` reads: our own JSON backup and five logbooks' exports. */
export const IMPORT_FORMATS = [
  'sendlog',
  'thecrag',
  '8a',
  'mountainproject',
  'kaya',
  'boardlib',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Names a climber recognises, for the app's format choice and messages. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  sendlog: 'Sendlog backup (JSON)',
  thecrag: 'theCrag logbook (CSV)',
  '8a': '8a.nu logbook (CSV)',
  mountainproject: 'Mountain Project ticks (CSV)',
  kaya: 'KAYA ascents (CSV)',
  boardlib: 'BoardLib logbook of a Kilter / Tension board (CSV)',
};

export const IMPORT_LIMITS = {
  /** Largest file the server reads; anything bigger is `413 payload_too_large`. */
  maxFileBytes: 8 * 1024 * 1024,
} as const;

/**
 * The header columns that identify each shape of each logbook's CSV (a logbook that changed its
 * export over the years has two shapes). A file is of a shape when its header holds all of them;
 * other columns may come and go. These are also the columns `400 unsupported_format` names.
 */
export const IMPORT_CSV_SHAPES: Record<Exclude<ImportFormat, 'sendlog'>, readonly string[][]> = {
  thecrag: [['Route Name', 'Ascent Type', 'Ascent Date', 'Crag Name']],
  '8a': [
    // The export of today's 8a.nu (Vertical-Life), every field quoted.
    ['route_boulder', 'name', 'location_name', 'date', 'type', 'difficulty'],
    // The export of the 8a.nu of before 2020.
    ['Route/Boulder Name', 'difficulty', 'Crag Name', 'type', 'Route or Boulder', 'date'],
  ],
  mountainproject: [['Date', 'Route', 'Rating', 'Location', 'Style', 'Lead Style', 'Route Type']],
  kaya: [['date', 'ascent_type', 'attempts', 'grade', 'climb_name', 'gym']],
  boardlib: [
    // BoardLib from 2024 on: ascents and failed tries ("bids") of Aurora boards.
    ['board', 'angle', 'climb_name', 'date', 'tries', 'is_ascent'],
    // Earlier BoardLib: ascents only.
    ['board', 'angle', 'name', 'date', 'grade', 'tries'],
  ],
};

/**
 * Which logbook wrote a CSV, from its header row's column names (the app picks the format with
 * this; the server checks the chosen one the same way). Null when no shape matches.
 */
export function detectImportFormat(columns: readonly string[]): ImportFormat | null {
  const have = new Set(columns.map((c) => c.trim()));
  for (const [format, shapes] of Object.entries(IMPORT_CSV_SHAPES)) {
    if (shapes.some((shape) => shape.every((c) => have.has(c)))) return format as ImportFormat;
  }
  return null;
}

/** The columns of `format` as a sentence, for `unsupported_format`. */
export function expectedColumnsOf(format: ImportFormat): string {
  if (format === 'sendlog')
    return 'a JSON object with format "sendlog-backup", version 1 and sessions';
  return IMPORT_CSV_SHAPES[format].map((shape) => shape.join(', ')).join('; or ');
}

export const importQuerySchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` }),
  /** The climber's zone, for dates written without one. */
  tz: timeZoneSchema.default('UTC'),
});

export const importRejectedSchema = z.object({
  /** As an editor numbers the file: the header is line 1. */
  line: z.int(),
  reason: z.string(),
});

export const importResponseSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** Sessions created or given new routes by this import. */
  sessions: z.int(),
  /** Ticks added. */
  routes: z.int(),
  /** Ticks already there (from an earlier import of the same or an overlapping file). */
  skipped: z.int(),
  rejected: z.array(importRejectedSchema),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;
export type ImportRejected = z.infer<typeof importRejectedSchema>;

/**
 * The column names of a CSV's header row, from the file's text (a BOM, quotes, `;` or `,`): all
 * the app needs to recognise a logbook before sending it. The server reads whole files with a
 * CSV parser; the header alone is a single record.
 */
export function headerColumnsOf(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  let end = 0;
  let quoted = false;
  for (; end < body.length; end += 1) {
    const c = body[end];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  const line = body.slice(0, end);
  const outside = line.replace(/"[^"]*"/g, '');
  const delimiter =
    (outside.match(/;/g)?.length ?? 0) > (outside.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns: string[] = [];
  let field = '';
  quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (c === '"' && quoted && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      columns.push(field.trim());
      field = '';
    } else field += c;
  }
  columns.push(field.trim());
  return columns;
}

/** The format of a file from its first characters: our JSON backup, else a CSV's header. */
export function detectImportFileFormat(text: string): ImportFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return start.includes('"sendlog-backup"') ? 'sendlog' : null;
  return detectImportFormat(headerColumnsOf(start));
}
