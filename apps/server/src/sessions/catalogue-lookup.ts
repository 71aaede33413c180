import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { arrayParam, queryRows } from '../db/sql.js';

/** Which of a batch's climbs and layouts exist (read with the batch: ingest/read.ts). */
export interface CatalogueLookup {
  climbs: Map<string, { name: string; grade: string }>;
  layouts: Set<string>;
}

/**
 * Which of these climbs and layouts exist, with their names, in one statement: what a restored
 * backup needs to keep the climbs and walls this server has (sync reads them in ingest/read.ts).
 */
export async function lookupCatalogue(
  db: Db,
  climbIds: string[],
  layoutIds: string[],
): Promise<CatalogueLookup> {
  const found: CatalogueLookup = { climbs: new Map(), layouts: new Set() };
  if (climbIds.length === 0 && layoutIds.length === 0) return found;
  const rows = await queryRows<{
    kind: 'climb' | 'layout';
    id: string;
    name: string;
    grade: string | null;
  }>(
    db,
    sql`select 'climb' as kind, c.id::text as id, c.name, c.grade from climbs c
          where c.id = any(${arrayParam(climbIds, 'uuid')})
        union all
        select 'layout', l.id::text, l.name, null from layouts l
          where l.id = any(${arrayParam(layoutIds, 'uuid')})`,
  );
  for (const r of rows) {
    if (r.kind === 'climb') found.climbs.set(r.id, { name: r.name, grade: r.grade ?? '' });
    else found.layouts.add(r.id);
  }
  return found;
}
