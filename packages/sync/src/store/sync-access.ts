import { isTombstone, type SessionOrTombstone } from '@sendlog/contract';
import type { KeyValueStorage, LocalSession } from './model.js';
import { sameIdentity } from './server-copy.js';
import { compareNewestFirst, type SessionTable } from './session-table.js';
import { needsSync } from './status.js';
import { STORAGE_KEYS } from './storage-layout.js';
import type { SentCopy, SyncPort } from './sync-port.js';
import { applyOutcome, markOffered, mergeServerCopy } from './sync-results.js';

/** The sync engine's bookkeeping kept in storage beside the sessions. */
export interface SyncMarks {
  pullCursor: string;
  lastSyncAt: string | null;
}

export async function loadSyncMarks(storage: KeyValueStorage): Promise<SyncMarks> {
  return {
    pullCursor: (await storage.getItem(STORAGE_KEYS.pullCursor)) ?? '',
    lastSyncAt: isoOrNull(await storage.getItem(STORAGE_KEYS.lastSyncAt)),
  };
}

/** The engine's side of the store: what to send, and what the server answered and holds. */
export function createSyncAccess(table: SessionTable, marks: SyncMarks): SyncPort {
  let { pullCursor, lastSyncAt } = marks;

  function findLocalCopy(
    remote: SessionOrTombstone,
    byServerId: Map<string, LocalSession>,
  ): LocalSession | null {
    const known = byServerId.get(remote.id);
    if (known) return table.get(known.id) ?? null;
    if (remote.clientSessionId != null) {
      const byId = table.get(remote.clientSessionId);
      return byId && sameIdentity(byId, remote) ? byId : null;
    }
    // Known to the server by start time only (the first design's sessions): a rare walk.
    for (const s of table.all()) if (sameIdentity(s, remote)) return s;
    return null;
  }

  return {
    sessionsToSync(deletedBefore = Infinity) {
      return [...table.all()]
        .filter((s) => needsSync(s) && !(s.deletion && Date.parse(s.deletion.at) > deletedBefore))
        .sort((a, b) => -compareNewestFirst(a, b));
    },

    markOffered(copies) {
      const going: SentCopy[] = [];
      for (const sent of copies) {
        const s = table.get(sent.sessionId);
        // Deleted before it ever left: it must not leave now.
        if (!s && table.removedUnsent.has(sent.sessionId)) continue;
        going.push(sent);
        if (!s) continue;
        const next = markOffered(s, sent);
        if (next !== s) table.put(next);
      }
      return going;
    },

    pendingCount: () => table.pendingCount(),

    applyOutcomes(outcomes) {
      const changed: string[] = [];
      for (const outcome of outcomes) {
        const s = table.get(outcome.sent.sessionId);
        // Discarded while the request was out: the user asked for it to go.
        if (!s) continue;
        const next = applyOutcome(s, outcome);
        if (next === null) {
          table.remove(s.id);
          changed.push(s.id);
        } else if (next !== s) {
          table.put(next);
          changed.push(s.id);
        }
      }
      if (changed.length > 0) table.emit('sync', changed);
    },

    applyServerSessions(serverSessions, nextCursor) {
      const changed: string[] = [];
      const byServerId = new Map<string, LocalSession>();
      for (const local of table.all()) {
        if (local.serverSessionId != null) byServerId.set(local.serverSessionId, local);
      }
      for (const remote of serverSessions) {
        if (
          table.wasDiscarded(remote.id) ||
          (remote.clientSessionId && table.wasDiscarded(remote.clientSessionId))
        ) {
          continue;
        }
        const local = findLocalCopy(remote, byServerId);
        if (isTombstone(remote)) {
          // Deleted on the server (from any device): the local copy goes, whatever it holds.
          if (local) {
            table.remove(local.id);
            changed.push(local.id);
          }
          continue;
        }
        const next = mergeServerCopy(local, remote, (id) => table.has(id));
        if (next && next !== local) {
          table.put(next);
          changed.push(next.id);
        }
      }
      if (nextCursor !== undefined && nextCursor !== pullCursor) {
        pullCursor = nextCursor;
        // Marked after the page's sessions, so the cursor never gets ahead of what is stored.
        table.writeKey(STORAGE_KEYS.pullCursor, () => pullCursor);
      }
      if (changed.length > 0) table.emit('pull', changed);
      return changed.length;
    },

    pullCursor: () => pullCursor,

    lastSyncAt: () => lastSyncAt,

    recordSyncSuccess(at) {
      lastSyncAt = at;
      table.writeKey(STORAGE_KEYS.lastSyncAt, () => lastSyncAt);
    },
  };
}

/** A stored time, or null when the text is not one (never shown as "Invalid Date"). */
function isoOrNull(text: string | null): string | null {
  return text != null && !Number.isNaN(Date.parse(text)) ? text : null;
}
