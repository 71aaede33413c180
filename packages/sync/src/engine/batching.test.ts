import { describe, expect, it } from 'vitest';
import { LIMITS } from '@sendlog/contract';
import type { LocalSession } from '../store/model.js';
import { bulkBody, chunkSessions } from './batching.js';
import { toOutgoing, utf8Length } from './snapshot.js';

function session(id: string, notes: string | null = null): LocalSession {
  return {
    id,
    clientSessionId: id,
    layoutId: 'L1',
    startTime: '2026-11-24T18:05:00.000Z',
    endTime: '2026-11-24T19:40:00.000Z',
    notes,
    routes: [],
    removedRouteIds: [],
    status: 'completed',
    updatedAt: '2026-11-24T19:40:00.000Z',
    localRevision: 2,
    sentRevision: null,
    serverRevision: null,
    serverSessionId: null,
    lastError: null,
    attemptCount: 0,
    nextAttemptAt: null,
  };
}

describe('batching', () => {
  it('keeps each request at most 100 sessions, in order', () => {
    const out = Array.from({ length: 250 }, (_, i) => toOutgoing(session(`s${i}`)));
    const chunks = chunkSessions(out);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat().map((o) => o.sent.sessionId)).toEqual(out.map((o) => o.sent.sessionId));
  });

  it('keeps each body within the byte limit, counted as UTF-8', () => {
    // Notes of 3-byte characters: counting UTF-16 units would undercount them threefold.
    const out = Array.from({ length: 12 }, (_, i) =>
      toOutgoing(session(`s${i}`, '€'.repeat(1500))),
    );
    const limits = { maxSessions: 100, maxBytes: 20_000 };
    const chunks = chunkSessions(out, limits);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(bulkBody(chunk), 'utf8')).toBeLessThanOrEqual(limits.maxBytes);
    }
    // Each chunk is as full as the limit allows.
    for (const chunk of chunks.slice(0, -1)) {
      const next = chunks[chunks.indexOf(chunk) + 1]![0]!;
      expect(Buffer.byteLength(bulkBody([...chunk, next]), 'utf8')).toBeGreaterThan(
        limits.maxBytes,
      );
    }
  });

  it('uses the contract limit by default and sends an oversized session alone', () => {
    const big = toOutgoing(session('big', 'x'.repeat(2000)));
    const huge = { ...big, bytes: LIMITS.clientBulkMaxBytes + 1 };
    const small = toOutgoing(session('small'));
    expect(chunkSessions([small, huge, small]).map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('counts UTF-8 bytes like the wire does', () => {
    for (const text of ['abc', 'é', '€', '🧗', 'a🧗€é']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
