import { useCallback, useState } from 'react';
import type { ApiResult } from '../../../api/apiResult';
import type { CatalogueAdminApi } from '../../../api/catalogueAdminApi';
import { useOnline, useServices } from '../../../hooks/services';
import type { AppServices } from '../../../services/appServices';
import { refusalOf } from './refusal';
import type { Refusal } from './refusal';

export type ManageOutcome<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

/**
 * Reads the catalogue again after a change. A refresh already under way may have read the lists
 * before the change went in: this one runs after it (their ETags make the unchanged lists cheap),
 * so the setter's Layouts tab shows the change at once.
 */
export async function refreshAfterChange(services: AppServices): Promise<void> {
  await services.refreshCatalogue();
}

const OFFLINE: Refusal = {
  fields: {},
  message: 'You are offline. Managing walls needs a connection; nothing you typed is lost.',
  forbidden: false,
};

const NO_ANSWER: Refusal = {
  fields: {},
  message: 'The server sent no answer to the change. Refresh to see whether it went in.',
  forbidden: false,
};

/**
 * One management call at a time from a screen: refused at once offline (the form keeps its
 * text), the catalogue refreshed after it, the account re-read after a 403 so a role taken
 * away shows, and an expired sign-in handed to the auth store as the sync engine does.
 */
export function useManageCall() {
  const services = useServices();
  const online = useOnline();
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async <T>(
      call: (api: CatalogueAdminApi, token: string) => Promise<ApiResult<T>>,
    ): Promise<ManageOutcome<T>> => {
      const token = services.auth.getToken();
      if (services.connectivity.isOnline() === false || token === null) {
        return { ok: false, refusal: OFFLINE };
      }
      setBusy(true);
      try {
        const result = await call(services.catalogueAdmin, token);
        // Even a refusal is followed by a refresh: a timed-out change may have gone in, and a
        // reset whose kept climbs did not all come back changed the wall all the same.
        if (result.ok || result.kind !== 'offline') await refreshAfterChange(services);
        if (result.ok) {
          // Only a GET with If-None-Match is answered 304 (no body); a change never is.
          if (result.data === null) return { ok: false, refusal: NO_ANSWER };
          return { ok: true, data: result.data };
        }
        if (result.kind === 'http' && result.status === 401) services.auth.markExpired();
        if (result.kind === 'http' && result.status === 403) void services.auth.refreshUser();
        return { ok: false, refusal: refusalOf(result) };
      } finally {
        setBusy(false);
      }
    },
    [services],
  );

  return { run, busy, offline: online === false };
}
