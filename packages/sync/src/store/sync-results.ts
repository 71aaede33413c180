import type { Session } from '@sendlog/contract';
import type { LocalSession } from './model.js';
import { sessionFromServer } from './server-copy.js';
import { clearedRetryState, hasUnconfirmedChanges } from './status.js';
import type { PushOutcome } from './sync-port.js';

/** How a push answer changes the session; the session itself if nothing changes. */
export function applyOutcome(s: LocalSession, outcome: PushOutcome): LocalSession {
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
 * A server copy joins the store: new sessions arrive as `synced`; a local copy with changes the
 * server has not confirmed keeps them (the next push lets the server merge both sides).
 */
export function mergeServerCopy(
  local: LocalSession | null,
  remote: Session,
  idTaken: (id: string) => boolean,
): LocalSession | null {
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
