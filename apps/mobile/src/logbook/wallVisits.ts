import type { KeyValueStorage } from '@sendlog/sync';
import { z } from 'zod';

const visitKey = (layoutId: string) => `wallVisit.${layoutId}`;
const visitSchema = z.object({ openedAt: z.string(), climbIds: z.array(z.string()) });

export interface WallVisits {
  /**
   * Records that the climber opened `layoutId` now, holding `climbIds`, and answers the climbs
   * that are new since the last time they opened it: those it did not hold then. Nothing is new
   * on a first visit (every climb would be, which says nothing).
   */
  open(layoutId: string, climbIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/**
 * The climbs each wall held when the climber last opened it, kept on the device (for one
 * account): "New" needs no server round trip, and so works offline. Climbs are never edited into
 * new ones (a reset archives them and sets new ids), so a new id is a climb set since.
 */
export function createWallVisits(storage: KeyValueStorage, now = () => new Date()): WallVisits {
  return {
    async open(layoutId, climbIds) {
      const raw = await storage.getItem(visitKey(layoutId));
      let seen: Set<string> | null = null;
      try {
        const parsed = raw === null ? null : visitSchema.safeParse(JSON.parse(raw));
        if (parsed?.success) seen = new Set(parsed.data.climbIds);
      } catch {
        // An unreadable record: a first visit again.
      }
      await storage.setItem(
        visitKey(layoutId),
        JSON.stringify({ openedAt: now().toISOString(), climbIds: [...climbIds] }),
      );
      return new Set(seen === null ? [] : climbIds.filter((id) => !seen.has(id)));
    },
  };
}
