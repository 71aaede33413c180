import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuickOutcome } from '../../logbook/quickLog';
import type { LocalSession } from '../../sync/types';
import type { LayoutSession, QuickLogged } from './useLayoutSession';

import { UNDO_MS } from '../../sync/recentActions';

/** How long the route just logged offers "Undo": as long as every other Undo. */
export { UNDO_MS };

export interface QuickLogState {
  /** The last tap, while it can still be taken back. */
  last: (QuickLogged & { climbId: string }) | null;
  tap(climbId: string, outcome: QuickOutcome): void;
  undo(): void;
  dismiss(): void;
}

/**
 * The two-tap logging of the climb rows, and the few seconds in which the last tap can be undone.
 * Undo is offered only while the route is exactly as the tap left it (the store keeps unchanged
 * routes as the same object): after an edit or a removal there is nothing left to take back.
 */
export function useQuickLog(live: LayoutSession): QuickLogState {
  const [tapped, setTapped] = useState<QuickLogState['last']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const dismiss = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setTapped(null);
  }, []);
  useEffect(() => dismiss, [dismiss]);

  const last = tapped && stillAsTapped(live.session, tapped.route) ? tapped : null;

  return {
    last,
    tap: (climbId, outcome) => {
      const logged = live.quickLog(climbId, outcome);
      if (!logged) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        setTapped(null);
      }, UNDO_MS);
      setTapped({ ...logged, climbId });
    },
    undo: () => {
      if (last) live.undo(last.undo);
      dismiss();
    },
    dismiss,
  };
}

function stillAsTapped(session: LocalSession | null, route: QuickLogged['route']): boolean {
  return session?.routes.includes(route) ?? false;
}
