import { createHash } from 'node:crypto';
import { LIMITS } from '@sendlog/contract';
import { isUuid } from '../../domain/ids.js';
import { unsafeTextDetails } from '../../domain/text-safety.js';

// What ingest can tell of a snapshot as sent, before validating it: its key when it names its
// session, its fingerprint, and the catalogue ids it mentions. A replay is answered from these and
// one read alone: validating a bulk of 100 sessions × 20 routes cost more than everything else a
// replay does, and a snapshot whose fingerprint a stored session carries was valid when it first
// arrived (only an accepted snapshot leaves its fingerprint), so it needs no second check.

/** The `clientSessionId` of an item as sent, when it is text the answer may repeat. */
export function clientSessionIdOf(item: unknown): string | null {
  if (typeof item === 'object' && item !== null && 'clientSessionId' in item) {
    const id = item.clientSessionId;
    if (
      typeof id === 'string' &&
      id.length <= LIMITS.maxClientIdLength &&
      unsafeTextDetails(id).length === 0
    )
      return id;
  }
  return null;
}

/**
 * The idempotency key of an item that names its session (`c:` + its `clientSessionId`, the key
 * `idempotencyKey` of @sendlog/rules gives it once validated); null when only the validated
 * snapshot tells (a header key or the start time).
 */
export function keyAsSent(item: unknown): string | null {
  const id = clientSessionIdOf(item);
  return id === null || id === '' ? null : `c:${id}`;
}

/**
 * A fingerprint of a snapshot exactly as sent, with the key it applies to. Taken before anything
 * is normalized: a phone whose clock runs ahead sends times the server's clamp turns into a later
 * "now" on every arrival, so a fingerprint of the clamped snapshot would never match its own
 * resend, and each resend would be a new revision. Two snapshots with one fingerprint are the same
 * edit, which the first arrival already applied. Null for an item too deep to serialize.
 */
export function fingerprint(key: string, item: unknown): string | null {
  let text: string;
  try {
    text = JSON.stringify(['sent', key, item]);
  } catch {
    // Nested too deep to serialize (the stack overflows): no valid snapshot is, and validation
    // refuses it with its path.
    return null;
  }
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The climb and layout ids the items mention, lower-cased (what the read looks up in the
 * catalogue). Read from the items as sent, so a superset of what the valid ones need: a deleted
 * session's content is never checked, and ids that are no uuid are refused by validation.
 */
export function catalogueIdsOf(items: readonly unknown[]): {
  climbIds: string[];
  layoutIds: string[];
} {
  const climbs = new Set<string>();
  const layouts = new Set<string>();
  const uuid = (value: unknown) =>
    typeof value === 'string' && isUuid(value.toLowerCase()) ? value.toLowerCase() : null;
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const s = item as { deleted?: unknown; layoutId?: unknown; routes?: unknown };
    if (s.deleted === true) continue;
    const layout = uuid(s.layoutId);
    if (layout) layouts.add(layout);
    if (!Array.isArray(s.routes)) continue;
    for (const route of s.routes as unknown[]) {
      const climb =
        typeof route === 'object' && route !== null
          ? uuid((route as { climbId?: unknown }).climbId)
          : null;
      if (climb) climbs.add(climb);
    }
  }
  return { climbIds: [...climbs], layoutIds: [...layouts] };
}
