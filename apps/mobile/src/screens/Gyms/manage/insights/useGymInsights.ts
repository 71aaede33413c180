import { useCallback, useEffect, useState } from 'react';
import { useOnline, useServices } from '../../../../hooks/services';
import {
  lastInsights,
  rememberInsights,
  type CachedInsights,
} from '../../../../insights/insightsCache';
import { insightsPeriod, type InsightsWeeks } from '../../../../insights/insightsPeriod';
import { refusalOf } from '../../../Manage/common/refusal';

/**
 * A gym's insights for the last `weeks`: asked of the server when online (they are everyone's
 * data, never on the device); offline, the last answer this device was shown, if any.
 */
export function useGymInsights(gymId: string, weeks: InsightsWeeks, timeZone: string) {
  const services = useServices();
  const online = useOnline();
  const offline = online === false;
  const [shown, setShown] = useState<CachedInsights | null>(() => lastInsights(gymId, weeks));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const token = services.auth.getToken();
    if (offline || token === null) {
      setShown(lastInsights(gymId, weeks));
      return;
    }
    let current = true;
    setLoading(true);
    setError(null);
    void services.catalogueAdmin
      .gymInsights(token, gymId, insightsPeriod(weeks, timeZone, Date.now()))
      .then((result) => {
        if (!current) return;
        setLoading(false);
        if (result.ok && result.data) {
          const answer = { insights: result.data, fetchedAt: Date.now() };
          rememberInsights(gymId, weeks, answer);
          setShown(answer);
        } else if (!result.ok) {
          setError(refusalOf(result).message);
          setShown(lastInsights(gymId, weeks));
        }
      });
    return () => {
      current = false;
    };
  }, [services, offline, gymId, weeks, timeZone, reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);
  return { shown, loading, error, offline, refresh, setShown };
}
