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
  const first = new Map<string, LocalRoute>();
  const sent = new Set<string>();
  for (const session of sessions) {
    for (const route of session.routes) {
      const known = first.get(route.climbId);
      if (!known || Date.parse(route.loggedAt) < Date.parse(known.loggedAt)) {
        first.set(route.climbId, route);
      }
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
