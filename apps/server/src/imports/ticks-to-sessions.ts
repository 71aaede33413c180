import type { ImportFormat } from '@sendlog/contract';
import { stableUuid } from '../db/stable-id.js';
import type { Tick } from './tick.js';
import type { PlannedSession, RouteDraft } from './snapshot-draft.js';

const MAX_ROUTES = 500;
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

/**
 * The ticks of one day at one place become one session. Ids are made from the ticks themselves,
 * never drawn at random, so importing a file again, or a newer export that repeats older ticks,
 * names the same sessions and routes: sync's exactly-once then stores each tick once.
 * - a session: the account, the logbook, the local day and the place;
 * - a route: the logbook's own id of the tick when it has one, else everything the tick says,
 *   with its rank among identical ticks of that day (two identical tries stay two).
 */
export function ticksToSessions(
  userId: string,
  format: ImportFormat,
  ticks: readonly Tick[],
): PlannedSession[] {
  const groups = new Map<string, Tick[]>();
  for (const t of ticks) {
    const key = JSON.stringify([t.time.day, t.place ?? '']);
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const planned: PlannedSession[] = [];
  for (const [key, group] of groups) {
    // In the order they were climbed; a file's order breaks ties (it is the logbook's order).
    group.sort((a, b) =>
      a.time.at < b.time.at ? -1 : a.time.at > b.time.at ? 1 : a.line - b.line,
    );
    const seen = new Map<string, number>();
    const routes = group.map((t): { route: RouteDraft; line: number } => {
      const content = JSON.stringify([
        t.time.at,
        t.name,
        t.grade,
        t.kind,
        t.sent,
        t.attempts,
        t.notes,
      ]);
      const rank = seen.get(content) ?? 0;
      seen.set(content, rank + 1);
      const identity = t.sourceId !== null ? `id:${t.sourceId}` : `tick:${key}:${content}:${rank}`;
      return {
        line: t.line,
        route: {
          clientRouteId: stableUuid(`import:${userId}:${format}:${identity}`),
          climbId: null,
          climb: { name: t.name, grade: t.grade, kind: t.kind },
          isSuccess: t.sent,
          attempts: t.attempts,
          notes: t.notes,
          rating: null,
          gradeOpinion: null,
          loggedAt: t.time.at,
          updatedAt: t.time.at,
        },
      };
    });
    // A day of more than 500 ticks at one place (a board session logged try by try) is several
    // sessions of 500, as a session holds at most that many routes.
    for (let part = 0; part * MAX_ROUTES < routes.length; part += 1) {
      const chunk = routes.slice(part * MAX_ROUTES, (part + 1) * MAX_ROUTES);
      const first = chunk[0]!.route.loggedAt!;
      const lastMs = Math.min(
        Date.parse(chunk[chunk.length - 1]!.route.loggedAt!),
        Date.parse(first) + MAX_SESSION_MS,
      );
      const last = new Date(lastMs).toISOString();
      planned.push({
        lines: chunk.map((c) => c.line),
        snapshot: {
          clientSessionId: stableUuid(
            `import:${userId}:${format}:session:${key}${part > 0 ? `:${part}` : ''}`,
          ),
          layoutId: null,
          place: group[0]!.place,
          startTime: first,
          endTime: last === first ? null : last,
          notes: null,
          baseRevision: null,
          // The time of the last tick, not of the import: an edit made on a phone since wins.
          updatedAt: last,
          routes: chunk.map((c) => c.route),
        },
      });
    }
  }
  return planned;
}
