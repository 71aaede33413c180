import { LIMITS, sessionChangesPageSchema, sessionResponseSchema } from '@sendlog/contract';
import type { SyncErrorInfo } from '../store/model.js';
import type { SyncPort } from '../store/sync-port.js';
import type { HttpClient } from './http.js';

export type PullStop =
  | {
      readonly kind: 'transient';
      readonly error: SyncErrorInfo;
      readonly retryAfterMs: number | null;
    }
  | { readonly kind: 'unauthorized'; readonly error: SyncErrorInfo };

export interface PullResult {
  /** Local sessions added or replaced by server copies. */
  readonly changed: number;
  readonly stop: PullStop | null;
}

const BAD_PAGE: SyncErrorInfo = {
  code: 'bad_response',
  message: 'the server answered an unknown shape',
  permanent: false,
};

/**
 * Pulls what changed on the server since the stored cursor (sessions from other devices, merges),
 * page by page; each page and the cursor after it are stored together.
 */
export async function pullChanges(options: {
  http: HttpClient;
  token: string;
  port: SyncPort;
  pageSize?: number;
}): Promise<PullResult> {
  const { http, token, port } = options;
  const pageSize = options.pageSize ?? LIMITS.maxPageSize;
  let changed = 0;
  for (;;) {
    const cursor = port.pullCursor();
    const query = `updatedSince=${encodeURIComponent(cursor)}&limit=${pageSize}`;
    const answer = await http.request('GET', `/sessions?${query}`, token);
    if (answer.kind === 'unauthorized') return { changed, stop: answer };
    if (answer.kind !== 'ok') {
      const retryAfterMs = answer.kind === 'transient' ? answer.retryAfterMs : null;
      return { changed, stop: { kind: 'transient', error: answer.error, retryAfterMs } };
    }
    const page = sessionChangesPageSchema.safeParse(answer.body);
    if (!page.success)
      return { changed, stop: { kind: 'transient', error: BAD_PAGE, retryAfterMs: null } };
    const next = page.data.nextCursor ?? cursor;
    changed += port.applyServerSessions(page.data.sessions, next);
    if (page.data.sessions.length < pageSize || next === cursor) return { changed, stop: null };
  }
}

/**
 * Fetches single sessions whose server copy may hold more than this device sent. Best effort: the
 * next pull or merge brings the same content if this fails.
 */
export async function refreshSessions(options: {
  http: HttpClient;
  token: string;
  port: SyncPort;
  serverSessionIds: readonly string[];
}): Promise<number> {
  let changed = 0;
  for (const id of options.serverSessionIds) {
    const answer = await options.http.request(
      'GET',
      `/sessions/${encodeURIComponent(id)}`,
      options.token,
    );
    if (answer.kind !== 'ok') {
      if (answer.kind === 'unauthorized' || answer.kind === 'transient') break;
      continue;
    }
    const parsed = sessionResponseSchema.safeParse(answer.body);
    if (parsed.success) changed += options.port.applyServerSessions([parsed.data.session]);
  }
  return changed;
}
