import { useCallback, useMemo } from 'react';
import type { LocalSession, SyncState } from '../sync/types';
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

/** Per climb: "Flash" when some session sent it first try, else "Sent" when sent at all. */
export function useSendBadges(): ReadonlyMap<string, 'Sent' | 'Flash'> {
  const sessions = useSessions();
  return useMemo(() => {
    const badges = new Map<string, 'Sent' | 'Flash'>();
    for (const session of sessions) {
      for (const route of session.routes) {
        if (!route.isSuccess) continue;
        if (route.attempts === 1) badges.set(route.climbId, 'Flash');
        else if (!badges.has(route.climbId)) badges.set(route.climbId, 'Sent');
      }
    }
    return badges;
  }, [sessions]);
}
