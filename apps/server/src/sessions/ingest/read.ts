import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { arrayParam, queryRows } from '../../db/sql.js';
import type { CatalogueLookup } from '../catalogue-lookup.js';
import {
  parseStoredSession,
  storedSessionJson,
  type StoredSession,
} from '../session-repository.js';

/** A stored session whose last change came from this very snapshot: the answer to its replay. */
export interface Replay {
  id: string;
  revision: number;
}

/** What one ingest needs from the database before it decides anything. */
export interface WriteRead {
  /** The user's change counter when read: the guard of the write (ingest/write.ts). */
  changeSeq: number;
  /** By key: sessions the snapshot sent replays exactly (no document read for them). */
  replays: Map<string, Replay>;
  /** By key: every other stored session of the batch's keys, whole. */
  stored: Map<string, StoredSession>;
  catalogue: CatalogueLookup;
}

type Row =
  | { kind: 'user'; doc: string }
  | { kind: 'replay'; doc: string }
  | { kind: 'session'; doc: string }
  | { kind: 'climb'; doc: string }
  | { kind: 'layout'; doc: string };

/**
 * ONE statement, outside any transaction: the user's change counter, the batch's stored sessions
 * (a session whose fingerprint equals the one sent as only its id and revision; the rest as whole
 * documents, routes and tombstones included), and which of the climbs and layouts exist. A replay
 * costs this statement alone; a first sync this and the write.
 *
 * `hashes[i]` is the fingerprint sent for `keys[i]`, or null when the key must be decided in full
 * (sent twice in the batch).
 */
export async function readForWrite(
  db: Db,
  userId: string,
  keys: string[],
  hashes: (string | null)[],
  climbIds: string[],
  layoutIds: string[],
): Promise<WriteRead> {
  const rows = await queryRows<Row>(
    db,
    sql`select 'user' as kind, change_seq::text as doc from users where id = ${userId}
        union all
        select case when s.last_snapshot_hash = k.hash then 'replay' else 'session' end,
               case when s.last_snapshot_hash = k.hash
                    then json_build_object('key', s.idempotency_key, 'id', s.id, 'revision', s.revision)::text
                    else ${storedSessionJson(true)} end
        from unnest(${arrayParam(keys, 'text')}, ${arrayParam(hashes, 'text')}) as k(key, hash)
        join climbing_sessions s on s.user_id = ${userId} and s.idempotency_key = k.key
        union all
        select 'climb', json_build_object('id', c.id, 'name', c.name, 'grade', c.grade)::text
        from climbs c where c.id = any(${arrayParam(climbIds, 'uuid')})
        union all
        select 'layout', l.id::text from layouts l where l.id = any(${arrayParam(layoutIds, 'uuid')})`,
  );
  const read: WriteRead = {
    changeSeq: -1,
    replays: new Map(),
    stored: new Map(),
    catalogue: { climbs: new Map(), layouts: new Set() },
  };
  for (const r of rows) {
    if (r.kind === 'user') read.changeSeq = Number(r.doc);
    else if (r.kind === 'replay') {
      const j = JSON.parse(r.doc) as { key: string; id: string; revision: number };
      read.replays.set(j.key, { id: j.id, revision: Number(j.revision) });
    } else if (r.kind === 'session') {
      const s = parseStoredSession(r.doc);
      read.stored.set(s.idempotencyKey, s);
    } else if (r.kind === 'climb') {
      const j = JSON.parse(r.doc) as { id: string; name: string; grade: string };
      read.catalogue.climbs.set(j.id, { name: j.name, grade: j.grade });
    } else read.catalogue.layouts.add(r.doc);
  }
  if (read.changeSeq < 0) throw new Error('user vanished during a write');
  return read;
}
