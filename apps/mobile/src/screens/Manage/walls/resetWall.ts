import type { ApiResult } from '../../../api/apiResult';
import type { CatalogueAdminApi } from '../../../api/catalogueAdminApi';

export interface ResetOutcome {
  archived: number;
  kept: number;
}

/**
 * A wall reset that keeps the climbs still up on the wall as they are (same ids, so climbers'
 * logs and the community grade carry on): `POST /layouts/:id/reset` archives every climb in one
 * transaction, then each kept climb is unarchived. Should one of those fail, the wall is reset
 * and the climb shows under "Archived" with its "Unarchive" button; the message names it.
 */
export async function resetWall(
  api: CatalogueAdminApi,
  token: string,
  layoutId: string,
  keep: readonly { id: string; name: string }[],
): Promise<ApiResult<ResetOutcome>> {
  const reset = await api.resetLayout(token, layoutId, { climbs: [], archiveOthers: true });
  if (!reset.ok || reset.data === null) return reset.ok ? unexpected() : reset;
  const notKept: string[] = [];
  for (const climb of keep) {
    const back = await api.updateClimb(token, climb.id, { archived: false });
    if (!back.ok) notKept.push(climb.name);
  }
  if (notKept.length > 0) {
    return {
      ok: false,
      kind: 'http',
      status: 200,
      code: 'partly_kept',
      message: `The wall was reset, but ${notKept.join(', ')} could not be kept up: unarchive ${notKept.length === 1 ? 'it' : 'them'} from the list.`,
      details: [],
      retryAfterS: null,
    };
  }
  return {
    ok: true,
    status: 200,
    data: { archived: reset.data.archived - keep.length, kept: keep.length },
    etag: null,
  };
}

function unexpected(): ApiResult<ResetOutcome> {
  return {
    ok: false,
    kind: 'http',
    status: 200,
    code: 'unexpected_response',
    message: 'The server sent no answer to the reset.',
    details: [],
    retryAfterS: null,
  };
}
