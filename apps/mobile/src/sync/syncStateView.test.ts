import { progressText } from './syncStateView';

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
