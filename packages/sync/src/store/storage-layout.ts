import type { LocalSession } from './model.js';

/**
 * One key per session plus a small index, so a write touches one session whatever the history's
 * size, and no single entry grows without bound.
 */
export const STORAGE_KEYS = {
  schemaVersion: 'sendlog/schemaVersion',
  index: 'sendlog/sessions',
  pullCursor: 'sendlog/pullCursor',
  /** When a sync run last completed without a whole-run failure (ISO), shown after a restart. */
  lastSyncAt: 'sendlog/lastSyncAt',
  /** Ids of ended sessions the user discarded, so a pull does not bring them back. */
  discarded: 'sendlog/discarded',
  sessionPrefix: 'sendlog/session/',
  /** The first design's layout: every session in one JSON array. */
  legacySessions: 'localSessions',
} as const;

/**
 * 1: one key per session. 2: sessions may carry `place` and routes an unlisted `climb` (with
 * `climbId` null); version 1 data reads as it is, so the step to 2 rewrites nothing, but an app
 * that knows only version 1 refuses such storage instead of dropping what it cannot read.
 */
export const CURRENT_SCHEMA_VERSION = 2;

export function sessionKey(id: string): string {
  return STORAGE_KEYS.sessionPrefix + id;
}

export function isSessionKey(key: string): boolean {
  return key.startsWith(STORAGE_KEYS.sessionPrefix);
}

export function sessionIdOfKey(key: string): string {
  return key.slice(STORAGE_KEYS.sessionPrefix.length);
}

export function encodeSession(s: LocalSession): string {
  return JSON.stringify(s);
}

/** Parses a stored session; null when the text is not one (it is then left in storage untouched). */
export function decodeSession(text: string): LocalSession | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const ok =
    typeof value.id === 'string' &&
    typeof value.startTime === 'string' &&
    typeof value.status === 'string' &&
    typeof value.localRevision === 'number' &&
    Array.isArray(value.routes) &&
    Array.isArray(value.removedRouteIds);
  return ok ? (value as unknown as LocalSession) : null;
}

export function encodeIndex(ids: Iterable<string>): string {
  return JSON.stringify([...ids]);
}

export function decodeIndex(text: string | null): string[] {
  if (text == null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
