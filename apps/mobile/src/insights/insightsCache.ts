import { insightsResponseSchema, type InsightsResponse } from '@sendlog/contract';
import type { KeyValueStorage } from '@sendlog/sync';
import { z } from 'zod';

/** An answer of the server as this device was shown it, with when it came. */
export interface CachedInsights {
  insights: InsightsResponse;
  fetchedAt: number;
}

const cachedSchema = z.object({ insights: insightsResponseSchema, fetchedAt: z.number() });

const PREFIX = 'insights.';
const keyOf = (gymId: string, weeks: number) => `${PREFIX}${gymId}.${weeks}`;

/**
 * The last insights answer per gym and period, for the screen to show offline with its time.
 * Insights are everyone's data and need the server; this keeps only what this account was shown,
 * in the account's own storage: it outlives an app restart, never shows to another account of the
 * device, and goes with the account's other keys when it is deleted (and at its sign-out).
 */
export interface InsightsCache {
  /** Reads what the account kept; unreadable entries (an older app's, a torn write) are dropped. */
  load(): Promise<void>;
  /** The last answer for this gym and period, else the gym's latest of any period. */
  last(gymId: string, weeks: number): CachedInsights | null;
  /** Keeps `answer` now (in memory at once, on the device as soon as the write lands). */
  remember(gymId: string, weeks: number, answer: CachedInsights): Promise<void>;
  /** Forgets every answer, in memory and on the device. */
  clear(): Promise<void>;
}

export function createInsightsCache(storage: KeyValueStorage): InsightsCache {
  const entries = new Map<string, { gymId: string; answer: CachedInsights }>();
  return {
    async load() {
      const keys = (await storage.getAllKeys()).filter((k) => k.startsWith(PREFIX));
      const unreadable: string[] = [];
      for (const [key, raw] of await storage.multiGet(keys)) {
        const gymId = key.slice(PREFIX.length, key.lastIndexOf('.'));
        const parsed = raw === null ? null : parseCached(raw);
        if (parsed === null || gymId === '') unreadable.push(key);
        else if (!entries.has(key)) entries.set(key, { gymId, answer: parsed });
      }
      await storage.multiRemove(unreadable);
    },
    last(gymId, weeks) {
      const exact = entries.get(keyOf(gymId, weeks));
      if (exact) return exact.answer;
      let latest: CachedInsights | null = null;
      for (const { gymId: id, answer } of entries.values()) {
        if (id === gymId && (latest === null || answer.fetchedAt > latest.fetchedAt))
          latest = answer;
      }
      return latest;
    },
    async remember(gymId, weeks, answer) {
      entries.set(keyOf(gymId, weeks), { gymId, answer });
      await storage.setItem(keyOf(gymId, weeks), JSON.stringify(answer));
    },
    async clear() {
      entries.clear();
      await storage.multiRemove((await storage.getAllKeys()).filter((k) => k.startsWith(PREFIX)));
    },
  };
}

function parseCached(raw: string): CachedInsights | null {
  try {
    const parsed = cachedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
