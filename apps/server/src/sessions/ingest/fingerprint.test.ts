import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/connection.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../../testing/index.js';
import { snapshot } from '../../testing/fixtures.js';
import { insertUser } from '../../testing/users.js';
import * as validate from '../validate.js';
import { catalogueIdsOf, fingerprint, keyAsSent } from './fingerprint.js';
import { ingestSnapshots } from './ingest.js';

// Counts the snapshots ingest validates, passing each through to the real check.
vi.mock('../validate.js', { spy: true });

describe('what a snapshot tells as sent', () => {
  it('keys an item by its clientSessionId, and only by a usable one', () => {
    expect(keyAsSent({ clientSessionId: 'abc' })).toBe('c:abc');
    for (const id of ['', 42, null, 'nul\u0000', 'x'.repeat(1_000)])
      expect(keyAsSent({ clientSessionId: id })).toBeNull();
    expect(keyAsSent('not an object')).toBeNull();
  });

  it('fingerprints the text as sent, and gives none for a value nested too deep', () => {
    expect(fingerprint('c:a', { n: 1 })).toBe(fingerprint('c:a', { n: 1 }));
    expect(fingerprint('c:a', { n: 1 })).not.toBe(fingerprint('c:b', { n: 1 }));
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fingerprint('c:a', { notes: deep })).toBeNull();
  });

  it('names the uuids of live sessions, lower-cased, whatever else the items hold', () => {
    const a = 'AAAAAAAA-0000-4000-8000-000000000001';
    const b = 'bbbbbbbb-0000-4000-8000-000000000002';
    const ids = catalogueIdsOf([
      { layoutId: a, routes: [{ climbId: b }, { climbId: 'no-uuid' }, null] },
      { deleted: true, layoutId: b, routes: [{ climbId: a }] },
      null,
      { routes: 'junk' },
    ]);
    expect(ids).toEqual({ climbIds: [b], layoutIds: [a.toLowerCase()] });
  });
});

describe.each(BACKENDS)('a replay on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  it('is answered before anything is validated; a new snapshot beside it is validated alone', async () => {
    const userId = await insertUser(database.db);
    const items = [snapshot({}, 3), snapshot({}, 3)];
    const o = { nowMs: Date.parse('2026-11-25T12:00:00.000Z') };
    await ingestSnapshots(database.db, userId, items, o);
    vi.mocked(validate.validateSnapshot).mockClear();
    const fresh = snapshot({}, 3);
    const { results } = await ingestSnapshots(database.db, userId, [...items, fresh], o);
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'created']);
    expect(vi.mocked(validate.validateSnapshot).mock.calls.map(([item]) => item)).toEqual([fresh]);
  });
});
