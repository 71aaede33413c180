import type { RouteContent } from '@sendlog/contract';
import {
  routeFieldsLost,
  sampleRouteContent,
  sampleValidRouteContents,
} from '@sendlog/contract/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { climbId } from '../testing/fixtures.js';
import { ingestSnapshots } from './ingest/ingest.js';
import { loadById, toApiSession, type StoredSession } from './session-repository.js';
import { insertUser } from '../testing/users.js';
import { loadTryPage } from '../logbook/export-repository.js';

// Every route field the contract declares must survive each hop of the server: a mapper or a
// column list that drops one fails here (the sample sets every declared field, new ones too).

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe('every declared route field, stored → API', () => {
  it('is answered', () => {
    const content = sampleRouteContent();
    const route = {
      id: 'route-1',
      clientRouteId: 'r1',
      climbName: 'Crimp',
      grade: 'V3',
      position: 0,
      updatedAt: '2026-11-24T19:00:00.000Z',
      ...content,
    };
    const stored: StoredSession = {
      id: 'session-1',
      idempotencyKey: 'c:s1',
      clientSessionId: 's1',
      revision: 1,
      createdAt: '2026-11-24T19:00:00.000Z',
      changeSeq: 1,
      state: {
        fields: {
          layoutId: null,
          startTime: '2026-11-24T18:00:00.000Z',
          endTime: null,
          notes: null,
          place: null,
        },
        updatedAt: '2026-11-24T19:00:00.000Z',
        routes: new Map([['r1', route]]),
        tombstones: new Set(),
        deleted: false,
      },
      routes: [route],
    };
    expect(routeFieldsLost(content, toApiSession(stored).routes[0] ?? {})).toEqual([]);
  });
});

describe.each(BACKENDS)('every declared route field through the database, on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend));
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  const send = async (userId: string, content: RouteContent, baseRevision: number | null) => {
    const snapshot = {
      clientSessionId: 's1',
      startTime: '2026-11-24T18:00:00.000Z',
      baseRevision,
      updatedAt: '2026-11-24T19:00:00.000Z',
      routes: [
        {
          clientRouteId: 'r1',
          ...content,
          updatedAt: `2026-11-24T19:0${baseRevision ?? 0}:00.000Z`,
        },
      ],
    };
    const { results } = await ingestSnapshots(database.db, userId, [snapshot], { nowMs: NOW });
    const result = results[0];
    if (!result?.success) throw new Error(`refused: ${JSON.stringify(result)}`);
    const stored = await loadById(database.db, userId, result.sessionId);
    if (!stored) throw new Error('not stored');
    return stored;
  };

  it.each(['listed', 'unlisted'] as const)(
    'is written on insert and on update, and read back into the model and the answer (%s climb)',
    async (which) => {
      const userId = await insertUser(database.db);
      for (const [variant, base] of [
        [0, null],
        [1, 1],
      ] as const) {
        const content = sampleValidRouteContents(variant, { climbId: climbId(variant) })[which];
        const stored = await send(userId, content, base);
        expect(stored.revision).toBe(variant + 1);
        expect(routeFieldsLost(content, stored.state.routes.get('r1') ?? {})).toEqual([]);
        expect(routeFieldsLost(content, toApiSession(stored).routes[0] ?? {})).toEqual([]);
        const [exported] = await loadTryPage(database.db, userId, null, 10);
        expect(routeFieldsLost(content, exported ?? {})).toEqual([]);
      }
    },
  );

  it('moves a route between a catalogue climb and an unlisted one, both ways', async () => {
    const userId = await insertUser(database.db);
    const { listed, unlisted } = sampleValidRouteContents(0, { climbId: climbId(0) });
    await send(userId, listed, null);
    const moved = await send(userId, { ...unlisted, notes: 'now unlisted' }, 1);
    expect(toApiSession(moved).routes[0]).toMatchObject({
      climbId: null,
      climb: unlisted.climb,
      climbName: unlisted.climb?.name,
      grade: unlisted.climb?.grade,
    });
    const back = await send(userId, { ...listed, notes: 'back' }, 2);
    expect(toApiSession(back).routes[0]?.climbId).toBe(climbId(0));
    expect(toApiSession(back).routes[0]).not.toHaveProperty('climb');
  });
});
