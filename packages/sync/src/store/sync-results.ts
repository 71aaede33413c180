import type { Session } from '@sendlog/contract';
import type { LocalSession } from './model.js';
import { sessionFromServer } from './server-copy.js';
import { clearedRetryState, hasUnconfirmedChanges } from './status.js';
import type { PushOutcome, SentCopy } from './sync-port.js';

/**
 * How a push answer changes the session: the session itself if nothing changes, null when it
 * leaves the device (deleted, and the server has it so).
 */
export function applyOutcome(s: LocalSession, outcome: PushOutcome): LocalSession | null {
  // Deleted on the server (by this device or another): gone for good, whatever was edited here.
  if (outcome.kind === 'deleted') return null;
  const d = s.deletion;
  if (d) {
    if (outcome.sent.localRevision !== s.localRevision) {
      // The answer to a copy sent before the delete: it updates what undo would restore.
      const before = applyOutcome(d.before, outcome) ?? d.before;
      return { ...s, serverSessionId: before.serverSessionId, deletion: { ...d, before } };
    }
    // The tombstone itself is on the server.
    if (outcome.kind === 'confirmed' || outcome.kind === 'merged') return null;
  }
  return applyLiveOutcome(s, outcome);
}

function applyLiveOutcome(
  s: LocalSession,
  outcome: Exclude<PushOutcome, { kind: 'deleted' }>,
): LocalSession {
  const { sent } = outcome;
  const unchangedSince = s.localRevision === sent.localRevision;
  const removedRouteIds = s.removedRouteIds.filter((id) => !sent.removedRouteIds.includes(id));
  switch (outcome.kind) {
    case 'confirmed': {
      const serverRevision = outcome.contentMatches ? outcome.revision : s.serverRevision;
      const common = {
        serverSessionId: outcome.serverSessionId,
        serverRevision,
        removedRouteIds,
        ...clearedRetryState(),
      };
      return unchangedSince
        ? { ...s, ...common, status: 'synced', sentRevision: sent.localRevision }
        : { ...s, ...common };
    }
    case 'merged':
      if (unchangedSince) {
        return sessionFromServer(outcome.session, { ...s, removedRouteIds });
      }
      // Edited while the request was out: keep every local edit and the old base, so the next
      // push is merged again by the server and nothing of either side is lost.
      return { ...s, serverSessionId: outcome.serverSessionId, removedRouteIds };
    case 'rejected':
      return {
        ...s,
        status: unchangedSince ? 'sync_failed' : s.status,
        lastError: outcome.error,
        attemptCount: s.attemptCount + 1,
        nextAttemptAt: null,
      };
    case 'deferred':
      return {
        ...s,
        lastError: outcome.error,
        attemptCount: s.attemptCount + 1,
        nextAttemptAt: outcome.nextAttemptAt,
      };
  }
}

/**
 * A request carrying `sent` is about to leave: the session may be on the server from now on, and
 * a tombstone in it can no longer be undone. The session itself when nothing changes.
 */
export function markOffered(s: LocalSession, sent: SentCopy): LocalSession {
  const d = s.deletion;
  if (!d) return s.offered ? s : { ...s, offered: true };
  if (sent.localRevision === s.localRevision)
    return d.sent ? s : { ...s, deletion: { ...d, sent: true } };
  // A copy from before the delete: the restored session would have left too.
  if (d.before.offered && s.offered) return s;
  return { ...s, offered: true, deletion: { ...d, before: { ...d.before, offered: true } } };
}

/**
 * A server copy joins the store: new sessions arrive as `synced`; a local copy with changes the
 * server has not confirmed keeps them (the next push lets the server merge both sides).
 */
export function mergeServerCopy(
  local: LocalSession | null,
  remote: Session,
  idTaken: (id: string) => boolean,
): LocalSession | null {
  const d = local?.deletion;
  if (local && d) {
    // A sent delete wins on the server anyway; an unsent one may be undone: keep what it restores
    // up to date, so an undo does not miss what another device did meanwhile.
    if (d.sent) return local;
    const before = mergeServerCopy(d.before, remote, idTaken) ?? d.before;
    return before === d.before
      ? local
      : { ...local, serverSessionId: before.serverSessionId, deletion: { ...d, before } };
  }
  if (!local) {
    const copy = sessionFromServer(remote, null);
    // Never overwrite a different local session that happens to use the same id.
    return idTaken(copy.id) ? { ...copy, id: remote.id } : copy;
  }
  if (hasUnconfirmedChanges(local)) {
    return local.serverSessionId == null ? { ...local, serverSessionId: remote.id } : local;
  }
  if (local.serverRevision != null && remote.revision <= local.serverRevision) return local;
  return sessionFromServer(remote, local);
}
