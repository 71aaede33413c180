import { useCallback, useEffect, useState } from 'react';
import { useAccount, useOnline, useServices } from '../../../../hooks/services';
import type { CachedInsights } from '../../../../insights/insightsCache';
import { insightsPeriod, type InsightsWeeks } from '../../../../insights/insightsPeriod';
import { refusalOf } from '../../../Manage/common/refusal';

/** What the server last answered for one request (gym, period, reload count). */
interface Answer {
  key: string;
  error: string | null;
}

/**
 * A gym's insights for the last `weeks`: asked of the server when online (they are everyone's
 * data, never computed on the device); offline, or while the new answer comes, the last answer
 * this account was shown, if any, kept in its own storage across restarts.
 */
export function useGymInsights(gymId: string, weeks: InsightsWeeks, timeZone: string) {
  const services = useServices();
  const offline = useOnline() === false;
  const cache = useAccount()?.insights ?? null;
  const [reload, setReload] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // Bumped when the cache changes under this screen (an answer came, a removal was planned).
  const [, setVersion] = useState(0);
  const key = `${gymId}:${weeks}:${reload}`;

  useEffect(() => {
    const token = services.auth.getToken();
    if (offline || token === null) return;
    let current = true;
    void services.catalogueAdmin
      .gymInsights(token, gymId, insightsPeriod(weeks, timeZone, Date.now()))
      .then((result) => {
        if (!current) return;
        if (result.ok && result.data) {
          // Shown at once from memory; the write to the device needs no waiting for.
          void cache
            ?.remember(gymId, weeks, { insights: result.data, fetchedAt: Date.now() })
            .catch(() => undefined); // a failed write costs only the offline copy
          setAnswer({ key, error: null });
        } else {
          setAnswer({ key, error: result.ok ? null : refusalOf(result).message });
        }
      });
    return () => {
      current = false;
    };
  }, [services, cache, offline, gymId, weeks, timeZone, key]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  const remember = useCallback(
    (next: CachedInsights) => {
      void cache?.remember(gymId, weeks, next).catch(() => undefined);
      setVersion((n) => n + 1);
    },
    [cache, gymId, weeks],
  );
  return {
    shown: cache?.last(gymId, weeks) ?? null,
    loading: !offline && answer?.key !== key,
    error: answer?.key === key ? answer.error : null,
    offline,
    refresh,
    remember,
  };
}
