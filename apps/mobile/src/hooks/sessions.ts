import { useCallback, useMemo } from 'react';
import { sendRecordOf } from '../logbook/sendRecord';
import type { SendRecord } from '../logbook/sendRecord';
import type { RecentAction } from '../sync/recentActions';
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

/** What the climber has sent, over every session on the device. */
export function useSendRecord(): SendRecord {
  const sessions = useSessions();
  return useMemo(() => sendRecordOf(sessions), [sessions]);
}

/** The last end, delete or removal while its "Undo" is offered. */
export function useRecentAction(): RecentAction | null {
  const { recent } = useRequiredAccount();
  return useExternalValue(recent.subscribe, recent.get);
}
