/**
 * Opaque cursors issued by the server. History pages continue after (startTime, id); change pulls
 * continue after a position in the user's change sequence. Never derived from a device clock.
 */

export interface HistoryPosition {
  startTime: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeHistoryCursor(p: HistoryPosition): string {
  return `h1.${Buffer.from(JSON.stringify([p.startTime, p.id])).toString('base64url')}`;
}

export function decodeHistoryCursor(cursor: string): HistoryPosition | null {
  if (!cursor.startsWith('h1.')) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor.slice(3), 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [startTime, id] = value as unknown[];
    // Only the exact form this server issues: anything else could be a time the database rejects.
    if (typeof startTime !== 'string' || !isCanonicalTime(startTime)) return null;
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return { startTime, id };
  } catch {
    return null;
  }
}

function isCanonicalTime(value: string): boolean {
  const ms = Date.parse(value);
  return ms >= 0 && new Date(ms).toISOString() === value;
}

export function encodeChangeCursor(seq: number): string {
  return `c1.${seq.toString(36)}`;
}

/** The empty string means "from the beginning". */
export function decodeChangeCursor(cursor: string): number | null {
  if (cursor === '') return 0;
  const m = /^c1\.([0-9a-z]{1,11})$/.exec(cursor);
  if (!m) return null;
  const seq = parseInt(m[1]!, 36);
  return Number.isSafeInteger(seq) ? seq : null;
}
