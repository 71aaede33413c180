import type { InsightsResponse } from '@sendlog/contract';

/**
 * The last answer per gym and period, with when it came, for the screen to show offline.
 * Insights are everyone's data and need the server; this keeps only what this device was shown,
 * for as long as the app runs.
 */
export interface CachedInsights {
  insights: InsightsResponse;
  fetchedAt: number;
}

const cache = new Map<string, CachedInsights>();

const key = (gymId: string, weeks: number) => `${gymId}:${weeks}`;

export function rememberInsights(gymId: string, weeks: number, answer: CachedInsights): void {
  cache.set(key(gymId, weeks), answer);
}

/** The last answer for this gym and period, else the gym's latest of any period. */
export function lastInsights(gymId: string, weeks: number): CachedInsights | null {
  const exact = cache.get(key(gymId, weeks));
  if (exact) return exact;
  let latest: CachedInsights | null = null;
  for (const [k, v] of cache) {
    if (k.startsWith(`${gymId}:`) && (latest === null || v.fetchedAt > latest.fetchedAt))
      latest = v;
  }
  return latest;
}

/** For tests: forget everything. */
export function clearInsightsCache(): void {
  cache.clear();
}
