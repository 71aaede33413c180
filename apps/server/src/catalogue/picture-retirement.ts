import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';

/**
 * How long a wall picture no layout shows any more stays stored and served. A phone fetches a
 * layout's picture after each catalogue refresh and keeps it, but one that refreshed just before
 * the picture was replaced, or shows a layout from a catalogue it has not refreshed since (an
 * app left open, a phone offline), still asks for the old URL: 30 days covers the weeks a phone
 * may stay away, as long as a token lives.
 */
export const PICTURE_RETENTION_DAYS = 30;

export interface PictureSweep {
  /** Pictures found unused for the first time (their 30 days start now). */
  retired: number;
  /** Pictures deleted: unused for longer than the retention. */
  deleted: number;
}

/**
 * Marks the pictures no layout shows (`unused_since`, the first sweep that saw it; unmarked again
 * when a layout shows it), then deletes those marked longer ago than `retentionDays`. Run after
 * each picture upload, gym import and at start; any number of processes may sweep at once: each
 * statement re-checks its rows under their locks, and a write that shows a picture again clears
 * its mark under the same lock (see `setLayoutPicture`), so a picture in use is never deleted.
 */
export async function sweepPictures(
  db: Db,
  retentionDays = PICTURE_RETENTION_DAYS,
): Promise<PictureSweep> {
  const shown = sql`exists (select 1 from layouts l where l.image_id = w.id)`;
  const marked = await queryRows<{ retired: boolean }>(
    db,
    sql`update wall_images w
        set unused_since = case when ${shown} then null else now() end
        where (w.unused_since is null) = not ${shown}
        returning w.unused_since is not null as retired`,
  );
  const deleted = await queryRows<{ id: string }>(
    db,
    sql`delete from wall_images w
        where w.unused_since <= now() - make_interval(days => ${retentionDays}::int)
          and not ${shown}
        returning w.id`,
  );
  return { retired: marked.filter((r) => r.retired).length, deleted: deleted.length };
}
