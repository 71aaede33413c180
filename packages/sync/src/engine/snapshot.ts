import { withRouteContent, type SessionSnapshotInput } from '@sendlog/contract';
import type { LocalSession } from '../store/model.js';
import type { SentCopy } from '../store/sync-port.js';

export interface OutgoingSession {
  readonly snapshot: SessionSnapshotInput;
  readonly sent: SentCopy;
  /** UTF-8 size of the snapshot's JSON. */
  readonly bytes: number;
  readonly json: string;
}

/** The snapshot docs/api.md describes, plus what the answer needs to be applied safely. */
export function toOutgoing(s: LocalSession): OutgoingSession {
  const snapshot: SessionSnapshotInput = s.deletion ? tombstoneSnapshot(s) : liveSnapshot(s);
  const json = JSON.stringify(snapshot);
  return {
    snapshot,
    json,
    bytes: utf8Length(json),
    sent: {
      sessionId: s.id,
      localRevision: s.localRevision,
      baseRevision: s.serverRevision,
      removedRouteIds: s.removedRouteIds,
    },
  };
}

/** A delete carries no content: the server drops it anyway, and it need not travel. */
function tombstoneSnapshot(s: LocalSession): SessionSnapshotInput {
  return {
    ...(s.clientSessionId != null ? { clientSessionId: s.clientSessionId } : {}),
    startTime: s.startTime,
    baseRevision: s.serverRevision,
    updatedAt: s.updatedAt,
    deleted: true,
    routes: [],
  };
}

function liveSnapshot(s: LocalSession): SessionSnapshotInput {
  return {
    // Sessions the first design stored go without one: the server then knows them by start time.
    ...(s.clientSessionId != null ? { clientSessionId: s.clientSessionId } : {}),
    layoutId: s.layoutId,
    // Only when set: a session at a wall is sent exactly as before places existed.
    ...(s.place != null ? { place: s.place } : {}),
    startTime: s.startTime,
    endTime: s.endTime,
    notes: s.notes,
    baseRevision: s.serverRevision,
    updatedAt: s.updatedAt,
    removedRouteIds: [...s.removedRouteIds],
    routes: s.routes.map((r) =>
      withRouteContent({ clientRouteId: r.id, updatedAt: r.updatedAt }, r),
    ),
  };
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
