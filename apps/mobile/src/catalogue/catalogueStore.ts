import { climbsResponseSchema, layoutsResponseSchema } from '@sendlog/contract';
import type { Climb, Layout } from '@sendlog/contract';
import type { KeyValueStorage } from '@sendlog/sync';
import { z } from 'zod';
import type { SendlogApi } from '../api/sendlogApi';
import { createEmitter } from '../lib/emitter';
import type { WallPictures } from '../wallPictures/wallPictures';

const LAYOUTS_KEY = 'sendlog.catalogue.layouts';
const climbsKey = (layoutId: string) => `sendlog.catalogue.climbs.${layoutId}`;

const cachedClimbsSchema = climbsResponseSchema.extend({ etag: z.string().nullable() });
type CachedClimbs = z.infer<typeof cachedClimbsSchema>;

export interface CatalogueState {
  /** null until the cache was read; [] when the device never reached the server. */
  layouts: Layout[] | null;
  climbsByLayout: Readonly<Record<string, readonly Climb[]>>;
  climbsById: ReadonlyMap<string, Climb>;
  refreshing: boolean;
  /** Why the last refresh failed; the cached copy stays in use. */
  lastError: string | null;
}

export interface CatalogueStore {
  getState(): CatalogueState;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  /** Fetches layouts and every layout's climbs (with `If-None-Match`), so all of it works offline. */
  refresh(token: string | null): Promise<void>;
}

/**
 * The gym's layouts and climbs, kept in storage so a climber who signed in once can open a layout
 * and log with no network at all. Refreshed with ETags: an unchanged climb list costs a 304.
 */
export function createCatalogueStore(deps: {
  storage: KeyValueStorage;
  api: SendlogApi;
  /** Told every layout's picture after each refresh, to keep them for offline sessions. */
  pictures?: Pick<WallPictures, 'keep'>;
}): CatalogueStore {
  const emitter = createEmitter();
  let state: CatalogueState = {
    layouts: null,
    climbsByLayout: {},
    climbsById: new Map(),
    refreshing: false,
    lastError: null,
  };
  const etags = new Map<string, string | null>();
  let refreshing: Promise<void> | null = null;

  const set = (patch: Partial<CatalogueState>) => {
    const next = { ...state, ...patch };
    if (patch.climbsByLayout) {
      next.climbsById = new Map(
        Object.values(patch.climbsByLayout).flatMap((cs) => cs.map((c) => [c.id, c])),
      );
    }
    state = next;
    emitter.emit();
  };

  async function readCache(): Promise<void> {
    const layouts =
      parseCached(layoutsResponseSchema, await deps.storage.getItem(LAYOUTS_KEY))?.layouts ?? [];
    const rows = await deps.storage.multiGet(layouts.map((l) => climbsKey(l.id)));
    const climbsByLayout: Record<string, Climb[]> = {};
    rows.forEach(([, raw], i) => {
      const layout = layouts[i];
      const cached = parseCached(cachedClimbsSchema, raw);
      if (!layout || !cached) return;
      climbsByLayout[layout.id] = cached.climbs;
      etags.set(layout.id, cached.etag);
    });
    set({ layouts, climbsByLayout });
  }

  async function fetchAll(token: string | null): Promise<void> {
    set({ refreshing: true });
    const layoutsResult = await deps.api.layouts(token);
    if (!layoutsResult.ok || layoutsResult.data === null) {
      set({ refreshing: false, lastError: layoutsResult.ok ? null : layoutsResult.message });
      return;
    }
    const layouts = layoutsResult.data.layouts;
    const climbsByLayout: Record<string, readonly Climb[]> = {};
    const writes: [string, string][] = [[LAYOUTS_KEY, JSON.stringify({ layouts })]];
    let lastError: string | null = null;
    for (const layout of layouts) {
      const cachedEtag = state.climbsByLayout[layout.id] ? (etags.get(layout.id) ?? null) : null;
      const result = await deps.api.climbs(layout.id, token, cachedEtag);
      if (result.ok && result.data !== null) {
        climbsByLayout[layout.id] = result.data.climbs;
        etags.set(layout.id, result.etag);
        writes.push([
          climbsKey(layout.id),
          JSON.stringify({ etag: result.etag, climbs: result.data.climbs } satisfies CachedClimbs),
        ]);
      } else {
        // 304 (unchanged) or a failure: the cached list stays.
        const cached = state.climbsByLayout[layout.id];
        if (cached) climbsByLayout[layout.id] = cached;
        if (!result.ok) lastError = result.message;
      }
    }
    await deps.storage.multiSet(writes);
    set({ layouts, climbsByLayout, refreshing: false, lastError });
    // Every open layout's picture, looked at or not: a climber who never opened a wall online
    // still sees it offline. Not awaited: the lists are usable before the pictures arrive.
    deps.pictures
      ?.keep(layouts.flatMap((l) => (l.image && !l.archived ? [l.image.url] : [])))
      .catch(() => undefined);
  }

  return {
    getState: () => state,
    subscribe: emitter.subscribe,
    load: readCache,
    refresh(token) {
      // One refresh at a time: triggers that arrive meanwhile share it.
      refreshing ??= fetchAll(token).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
}

/** A cache entry that no longer parses (older app, corrupted write) is treated as absent. */
function parseCached<S extends z.ZodType>(schema: S, raw: string | null): z.infer<S> | null {
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
