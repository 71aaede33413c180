import { gymSchema } from '@sendlog/contract';
import type { Gym } from '@sendlog/contract';
import type { KeyValueStorage } from '@sendlog/sync';
import { z } from 'zod';
import type { ApiResult } from '../api/apiResult';
import type { GymsApi } from '../api/gymsApi';
import { createEmitter } from '../lib/emitter';
import { oneAtATime } from '../lib/oneAtATime';
import { applyPending, withChange } from './myGyms';
import type { PendingFollow } from './myGyms';

/** Under the account's own storage prefix: each account on a device follows its own gyms. */
const KEY = 'gyms.mine';

const keptSchema = z.object({
  /** The server's last answer to `GET /me/gyms`; null while never read. */
  server: z.array(gymSchema).nullable(),
  pending: z.array(z.object({ gym: gymSchema, follow: z.boolean() })),
  /** Whether the first-run step (follow a server's only gym) was taken on this device. */
  firstRunDone: z.boolean().default(false),
});
type Kept = z.infer<typeof keptSchema>;

export interface MyGymsState {
  /** The gyms followed or staffed, changes made offline applied; null until the device knows. */
  gyms: readonly Gym[] | null;
  /** Follows and unfollows waiting for a connection, oldest first. */
  pending: readonly PendingFollow[];
  /** Why the last change or read did not go through (a gym gone from the server). */
  lastError: string | null;
}

export interface MyGymsStore {
  getState(): MyGymsState;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  /** Follows at once on this device; the server hears of it now or at the next connection. */
  follow(gym: Gym): Promise<void>;
  unfollow(gym: Gym): Promise<void>;
  /**
   * Sends what waits, then reads the list from the server. On a server with one gym, an account
   * that follows nothing yet follows it (once per device: an unfollow later is respected).
   */
  refresh(token: string): Promise<void>;
}

export function createMyGymsStore(deps: { storage: KeyValueStorage; api: GymsApi }): MyGymsStore {
  const emitter = createEmitter();
  let kept: Kept = { server: null, pending: [], firstRunDone: false };
  let state: MyGymsState = { gyms: null, pending: [], lastError: null };
  let writing: Promise<void> = Promise.resolve();

  const publish = (lastError: string | null = state.lastError) => {
    state = {
      gyms:
        kept.server === null && kept.pending.length === 0
          ? null
          : applyPending(kept.server ?? [], kept.pending),
      pending: kept.pending,
      lastError,
    };
    emitter.emit();
  };

  /** Keeps `next` and writes it, writes in the order they were asked for. */
  const save = (next: Kept): Promise<void> => {
    kept = next;
    const snapshot = JSON.stringify(next);
    writing = writing.then(() => deps.storage.setItem(KEY, snapshot)).catch(() => undefined);
    return writing;
  };

  async function change(gym: Gym, follow: boolean): Promise<void> {
    await save({ ...kept, pending: withChange(kept.pending, { gym, follow }) });
    publish(null);
  }

  /** Sends the waiting changes, oldest first; stops at the first that gets no answer. */
  async function flush(token: string): Promise<void> {
    for (const change of [...kept.pending]) {
      const result: ApiResult<unknown> = change.follow
        ? await deps.api.follow(token, change.gym.id)
        : await deps.api.unfollow(token, change.gym.id);
      const gone = !result.ok && result.kind === 'http' && result.status === 404;
      if (!result.ok && !gone) return;
      // A change made again while this one was out stays to be sent.
      const pending = kept.pending.filter((p) => p !== change);
      await save({ ...kept, pending });
      publish(gone ? `${change.gym.name} is no longer on the server.` : state.lastError);
    }
  }

  async function run(token: string): Promise<void> {
    await flush(token);
    if (kept.pending.length > 0) return; // offline: the kept list stays as it is
    const mine = await deps.api.myGyms(token);
    if (!mine.ok || mine.data === null) return;
    let server = mine.data.gyms;
    if (server.length === 0 && !kept.firstRunDone) {
      const all = await deps.api.search('', token);
      if (!all.ok || all.data === null) return;
      const only = all.data.gyms.length === 1 ? all.data.gyms[0] : undefined;
      if (only) {
        const followed = await deps.api.follow(token, only.id);
        if (followed.ok && followed.data !== null) server = [followed.data.gym];
      }
    }
    await save({ ...kept, server, firstRunDone: true });
    publish();
  }

  return {
    getState: () => state,
    subscribe: emitter.subscribe,
    async load() {
      const raw = await deps.storage.getItem(KEY);
      const parsed = raw === null ? null : keptSchema.safeParse(safeJson(raw));
      if (parsed?.success) kept = parsed.data;
      publish();
    },
    follow: (gym) => change(gym, true),
    unfollow: (gym) => change(gym, false),
    // A change made during a refresh is sent by the one after it.
    refresh: oneAtATime(run),
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
