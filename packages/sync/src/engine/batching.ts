import { LIMITS } from '@sendlog/contract';
import type { OutgoingSession } from './snapshot.js';

export interface BatchLimits {
  maxSessions: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxSessions: LIMITS.maxSessionsPerBulk,
  maxBytes: LIMITS.clientBulkMaxBytes,
};

/** `{"sessions":[` + `]}`: what the envelope adds around the comma-separated snapshots. */
const ENVELOPE_BYTES = '{"sessions":[]}'.length;

/**
 * Splits sessions, in order, into bulk requests of at most `maxSessions` sessions and `maxBytes`
 * bytes of body. A session bigger than `maxBytes` alone still goes, alone: the server's own limit
 * is higher, and if it refuses, that one session is marked failed instead of blocking the rest.
 */
export function chunkSessions(
  sessions: readonly OutgoingSession[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): OutgoingSession[][] {
  const chunks: OutgoingSession[][] = [];
  let current: OutgoingSession[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const s of sessions) {
    const added = s.bytes + (current.length > 0 ? 1 : 0);
    if (
      current.length > 0 &&
      (current.length >= limits.maxSessions || bytes + added > limits.maxBytes)
    ) {
      chunks.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    bytes += s.bytes + (current.length > 0 ? 1 : 0);
    current.push(s);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** The request body of a chunk, built from the snapshots' JSON so its size is what was counted. */
export function bulkBody(chunk: readonly OutgoingSession[]): string {
  return `{"sessions":[${chunk.map((s) => s.json).join(',')}]}`;
}
