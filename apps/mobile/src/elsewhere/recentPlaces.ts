import type { LocalSession } from '../sync/types';

/** How many places "Log somewhere else" offers. */
export const RECENT_PLACES = 5;

/**
 * The places of the climber's sessions elsewhere, most recent first, each once (the same place
 * typed in other letter case or with other blanks is one place, offered as last written).
 */
export function recentPlaces(
  sessions: readonly LocalSession[],
  limit = RECENT_PLACES,
): readonly string[] {
  const newestFirst = [...sessions]
    .filter((s) => s.place != null && s.place.trim() !== '')
    .sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
  const seen = new Set<string>();
  const places: string[] = [];
  for (const s of newestFirst) {
    const place = s.place!.trim();
    const key = place.replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    places.push(place);
    if (places.length === limit) break;
  }
  return places;
}
