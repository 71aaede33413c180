import { useCallback, useMemo } from 'react';
import type { LocalRoute, LocalSession, SyncState } from '../sync/types';
import { useRequiredAccount } from './services';
import { useExternalValue } from './useExternalValue';

/** Every session of the account, newest start first (the store keeps them in that order). */
export function useSessions(): readonly LocalSession[] {
  const { store } = useRequiredAccount();
  const read = useCallback(() => store.getSessions(), [store]);
  return useExternalValue(store.subscribe, read);
}

export function useSession(id: string): LocalSession | null {
  const { store } = useRequiredAccount();
  const read = useCallback(() => store.getSession(id), [store, id]);
  return useExternalValue(store.subscribe, read);
}

export function useActiveSession(): LocalSession | null {
  const { store } = useRequiredAccount();
  const read = useCallback(() => store.getActiveSession(), [store]);
  return useExternalValue(store.subscribe, read);
}

export function useSyncState(): SyncState {
  const { engine } = useRequiredAccount();
  const read = useCallback(() => engine.getState(), [engine]);
  return useExternalValue(engine.subscribe, read);
}

export interface SendRecord {
  /** Per climb: "Flash" when the first route ever logged on it was sent first try, else "Sent". */
  badges: ReadonlyMap<string, 'Sent' | 'Flash'>;
  /** Routes that are flashes: sent first try on a climb never tried before them. */
  flashes: ReadonlySet<string>;
}

/** What the climber has sent, over every session on the device. */
export function useSendRecord(): SendRecord {
  const sessions = useSessions();
  return useMemo(() => sendRecordOf(sessions), [sessions]);
}

export function sendRecordOf(sessions: readonly LocalSession[]): SendRecord {
  // A try logged earlier (even unsent, even in another session) means a later send is no flash.
  // Runs on every store change over the whole history, so times are compared as text where that
  // is exact (see earlier).
  const first = new Map<string, LocalRoute>();
  const sent = new Set<string>();
  for (const session of sessions) {
    for (const route of session.routes) {
      const known = first.get(route.climbId);
      if (!known || earlier(route.loggedAt, known.loggedAt)) first.set(route.climbId, route);
      if (route.isSuccess) sent.add(route.climbId);
    }
  }
  const badges = new Map<string, 'Sent' | 'Flash'>();
  const flashes = new Set<string>();
  for (const [climbId, route] of first) {
    if (route.isSuccess && route.attempts === 1) {
      badges.set(climbId, 'Flash');
      flashes.add(route.id);
    } else if (sent.has(climbId)) badges.set(climbId, 'Sent');
  }
  return { badges, flashes };
}

/**
 * UTC `toISOString` text (what the store writes when a route is logged or pulled) sorts as time;
 * a first-design import may keep an offset, which only parsing orders right.
 */
function earlier(a: string, b: string): boolean {
  const utc = (t: string) => t.length === 24 && t.endsWith('Z');
  return utc(a) && utc(b) ? a < b : Date.parse(a) < Date.parse(b);
}
