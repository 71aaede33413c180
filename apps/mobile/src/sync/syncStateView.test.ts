import { progressText, viewSyncState } from './syncStateView';

const idle = {
  running: false,
  done: 0,
  total: 0,
  lastSyncAt: null,
  lastErrorMessage: null,
  authRequired: false,
};

describe('progressText', () => {
  it('counts the sessions of a running sync', () => {
    expect(progressText({ ...idle, running: true, done: 3, total: 12 })).toBe('Syncing 3 of 12…');
  });
  it('says only "Syncing…" while a run has nothing to send', () => {
    expect(progressText({ ...idle, running: true })).toBe('Syncing…');
  });
  it('says nothing when no sync runs', () => {
    expect(progressText({ ...idle, done: 12, total: 12 })).toBeNull();
  });
});

describe('viewSyncState', () => {
  const state = (lastError: { code: string; message: string } | null) => ({
    running: false,
    progress: { total: 0, done: 0, failed: 0 },
    pending: 1,
    lastSyncAt: null,
    lastError: lastError && { ...lastError, permanent: false },
    authRequired: false,
    nextRetryAt: null,
  });
  it("words a failed connection for the climber, not the browser's 'Failed to fetch'", () => {
    expect(
      viewSyncState(state({ code: 'network_error', message: 'Failed to fetch' })).lastErrorMessage,
    ).toBe('no connection to the server');
    expect(viewSyncState(state({ code: 'timeout', message: 'x' })).lastErrorMessage).toBe(
      'the server did not answer in time',
    );
    expect(viewSyncState(state({ code: 'http_503', message: 'HTTP 503' })).lastErrorMessage).toBe(
      'HTTP 503',
    );
    expect(viewSyncState(state(null)).lastErrorMessage).toBeNull();
  });
});
