import type { SyncState } from './types';

/** What the screens show of the engine's state. */
export interface SyncView {
  running: boolean;
  done: number;
  total: number;
  lastSyncAt: string | null;
  lastErrorMessage: string | null;
  authRequired: boolean;
}

export function viewSyncState(state: SyncState): SyncView {
  return {
    running: state.running,
    done: state.progress.done,
    total: state.progress.total,
    lastSyncAt: state.lastSyncAt,
    lastErrorMessage: state.lastError ? errorMessage(state.lastError) : null,
    authRequired: state.authRequired,
  };
}

/** "Syncing 3 of 12…" while a run sends sessions; "Syncing…" while it only checks for news. */
export function progressText(view: SyncView): string | null {
  if (!view.running) return null;
  return view.total > 0 ? `Syncing ${view.done} of ${view.total}…` : 'Syncing…';
}

/** The network's own wording ("Failed to fetch") means nothing to a climber. */
function errorMessage(error: { code: string; message: string }): string {
  if (error.code === 'network_error') return 'no connection to the server';
  if (error.code === 'timeout') return 'the server did not answer in time';
  return error.message;
}
