import { useMemo } from 'react';
import { summarizeSession } from '@sendlog/rules';
import type { SessionSummary } from '@sendlog/rules';
import { useLogbookSessions } from '../hooks/logbookSessions';

/**
 * The summary of one session on the device, its flashes judged against every other session there
 * (a flash is a first-ever try, so the session alone cannot tell). Null when the session is not
 * on the device.
 */
export function useSessionSummary(sessionId: string): SessionSummary | null {
  const sessions = useLogbookSessions();
  return useMemo(() => {
    const session = sessions.find((s) => s.id === sessionId);
    return session ? summarizeSession(session, sessions) : null;
  }, [sessions, sessionId]);
}
