import { useEffect, useState } from 'react';
import type { Gym } from '@sendlog/contract';
import { useOnline, useServices } from './services';

/** How long typing pauses before a search goes out: one request per word, not per letter. */
export const SEARCH_PAUSE_MS = 250;

export type GymSearch =
  | { status: 'searching'; gyms: readonly Gym[] }
  | { status: 'done'; gyms: readonly Gym[] }
  | { status: 'offline'; gyms: readonly Gym[] }
  | { status: 'failed'; gyms: readonly Gym[]; message: string };

/** The last answer, and the query it answers. */
type Answer = { query: string; gyms: readonly Gym[]; failure: string | null; offline: boolean };

/**
 * Gyms whose name or city holds `query`, searched as the climber types (the server ignores case
 * and accents). The last answer stays shown while the next is out; an answer that arrives after a
 * newer query is dropped. Offline it says so rather than searching.
 */
export function useGymSearch(query: string): GymSearch {
  const { gymsApi, auth } = useServices();
  const online = useOnline();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (online === false) return;
    let current = true;
    const timer = setTimeout(() => {
      void gymsApi.search(query, auth.getToken()).then((result) => {
        if (!current) return;
        setAnswer((last) =>
          result.ok
            ? { query, gyms: result.data?.gyms ?? [], failure: null, offline: false }
            : {
                query,
                gyms: last?.gyms ?? [],
                failure: result.kind === 'offline' ? null : result.message,
                offline: result.kind === 'offline',
              },
        );
      });
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, online, gymsApi, auth]);

  const gyms = answer?.gyms ?? [];
  if (online === false || (answer?.query === query && answer.offline)) {
    return { status: 'offline', gyms };
  }
  if (answer?.query !== query) return { status: 'searching', gyms };
  if (answer.failure !== null) return { status: 'failed', gyms, message: answer.failure };
  return { status: 'done', gyms };
}
