import {
  climbsResponseSchema,
  gymSchema,
  layoutSchema,
  layoutsResponseSchema,
} from '@sendlog/contract';
import type { Climb, Gym, Layout } from '@sendlog/contract';
import type { KeyValueStorage } from '@sendlog/sync';
import { z } from 'zod';
import type { GymsApi } from '../api/gymsApi';
import type { SendlogApi } from '../api/sendlogApi';
import { createEmitter } from '../lib/emitter';
import { oneAtATime } from '../lib/oneAtATime';
import type { WallPictures } from '../wallPictures/wallPictures';

/** The ids of the gyms whose walls are kept. */
const GYMS_KEY = 'sendlog.catalogue.gyms';
const gymKey = (gymId: string) => `sendlog.catalogue.gym.${gymId}`;
/** The one list of walls an app from before gyms kept: read until the first refresh replaces it. */
const LEGACY_LAYOUTS_KEY = 'sendlog.catalogue.layouts';
const climbsKey = (layoutId: string) => `sendlog.catalogue.climbs.${layoutId}`;

/** What the device keeps of a gym: enough to name it, group its walls and count its figures. */
export const keptGymSchema = gymSchema.pick({
  id: true,
  slug: true,
  name: true,
  city: true,
  country: true,
  timeZone: true,
});
export type KeptGym = z.infer<typeof keptGymSchema>;

const cachedGymSchema = z.object({
  gym: keptGymSchema,
  etag: z.string().nullable(),
  layouts: z.array(layoutSchema),
  /** The ETag of the gym's climbs (`GET /gyms/:id/climbs`); absent in a cache from before it. */
  climbsEtag: z.string().nullable().optional(),
});
type CachedGym = z.infer<typeof cachedGymSchema>;
const cachedClimbsSchema = climbsResponseSchema.extend({ etag: z.string().nullable() });
type CachedClimbs = z.infer<typeof cachedClimbsSchema>;

export interface CatalogueState {
  /**
   * Every wall on the device: those of each gym kept (a gym no longer followed stays, so the
   * sessions logged there keep their names), or before the first refresh since gyms, the list an
   * older app kept. null until the cache was read; [] when the device never reached the server.
   */
  layouts: Layout[] | null;
  /** The gyms whose walls are kept, by id. */
  gymsById: ReadonlyMap<string, KeptGym>;
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
  /**
   * Fetches the walls of each of `gyms` and their climbs (with `If-None-Match`), so all
   * of it works offline, and keeps the pictures of those gyms' open walls: a gym left out (no
   * longer followed) keeps its names, not its pictures. A call during a refresh runs after it.
   */
  refresh(token: string | null, gyms: readonly Gym[]): Promise<void>;
  /** Keeps the pictures of `gyms`' walls only, without the network (an unfollow made offline). */
  keepPicturesOf(gyms: readonly Pick<Gym, 'id'>[]): void;
}

/**
 * The walls and climbs of the climber's gyms, kept in storage so a climber who signed in once can
 * open a wall and log with no network at all. Refreshed with ETags, a gym's walls and its climbs
 * on their own: two requests per gym however many walls it has, and an unchanged list costs a 304.
 */
export function createCatalogueStore(deps: {
  storage: KeyValueStorage;
  api: Pick<SendlogApi, 'climbs'> & Pick<GymsApi, 'gymLayouts' | 'gymClimbs'>;
  /** Told every open wall's picture after each refresh, to keep them for offline sessions. */
  pictures?: Pick<WallPictures, 'keep'>;
}): CatalogueStore {
  const emitter = createEmitter();
  let state: CatalogueState = {
    layouts: null,
    gymsById: new Map(),
    climbsByLayout: {},
    climbsById: new Map(),
    refreshing: false,
    lastError: null,
  };
  const gymEntries = new Map<string, CachedGym>();
  /** An older app's walls, until the first refresh that reads every gym. */
  let legacy: Layout[] = [];
  const etags = new Map<string, string | null>();

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

  /** The walls of every kept gym, and an older app's not yet seen in one. */
  const allLayouts = (): Layout[] => {
    const fromGyms = [...gymEntries.values()].flatMap((entry) => entry.layouts);
    const known = new Set(fromGyms.map((l) => l.id));
    return [...fromGyms, ...legacy.filter((l) => !known.has(l.id))];
  };
  const gymsById = () => new Map([...gymEntries].map(([id, entry]) => [id, entry.gym]));

  async function readCache(): Promise<void> {
    const ids = parseCached(z.array(z.string()), await deps.storage.getItem(GYMS_KEY)) ?? [];
    const rows = await deps.storage.multiGet(ids.map(gymKey));
    for (const [, raw] of rows) {
      const entry = parseCached(cachedGymSchema, raw);
      if (entry) gymEntries.set(entry.gym.id, entry);
    }
    legacy =
      parseCached(layoutsResponseSchema, await deps.storage.getItem(LEGACY_LAYOUTS_KEY))?.layouts ??
      [];
    const layouts = allLayouts();
    const climbRows = await deps.storage.multiGet(layouts.map((l) => climbsKey(l.id)));
    const climbsByLayout: Record<string, Climb[]> = {};
    climbRows.forEach(([, raw], i) => {
      const layout = layouts[i];
      const cached = parseCached(cachedClimbsSchema, raw);
      if (!layout || !cached) return;
      climbsByLayout[layout.id] = cached.climbs;
      etags.set(layout.id, cached.etag);
    });
    set({ layouts, gymsById: gymsById(), climbsByLayout });
  }

  const openPictures = (gymIds: ReadonlySet<string>) =>
    allLayouts().flatMap((l) =>
      l.image && !l.archived && l.gymId && gymIds.has(l.gymId) ? [l.image.url] : [],
    );

  function keepPicturesOf(gyms: readonly Pick<Gym, 'id'>[]): void {
    // Not awaited: the lists are usable before the pictures arrive.
    deps.pictures?.keep(openPictures(new Set(gyms.map((g) => g.id)))).catch(() => undefined);
  }

  async function fetchAll(token: string | null, gyms: readonly Gym[]): Promise<void> {
    set({ refreshing: true });
    const errors: string[] = [];
    const read: Gym[] = [];
    const writes: [string, string][] = [];
    for (const gym of gyms) {
      const kept = gymEntries.get(gym.id);
      const result = await deps.api.gymLayouts(gym.id, token, kept?.etag ?? null);
      if (result.ok) {
        const entry: CachedGym = {
          gym: keptGymSchema.parse(gym),
          etag: result.data === null ? (kept?.etag ?? null) : result.etag,
          // Stamped with their gym: the walls tab groups by it and Progress filters by it.
          layouts: (result.data?.layouts ?? kept?.layouts ?? []).map((l) => ({
            ...l,
            gymId: gym.id,
          })),
          climbsEtag: kept?.climbsEtag ?? null,
        };
        gymEntries.set(gym.id, entry);
        writes.push([gymKey(gym.id), JSON.stringify(entry)]);
        read.push(gym);
      } else {
        errors.push(result.message);
      }
    }
    if (writes.length > 0) {
      writes.push([GYMS_KEY, JSON.stringify([...gymEntries.keys()])]);
      await deps.storage.multiSet(writes);
    }
    if (read.length === gyms.length && gyms.length > 0 && legacy.length > 0) {
      legacy = [];
      await deps.storage.removeItem(LEGACY_LAYOUTS_KEY);
    }
    set({ layouts: allLayouts(), gymsById: gymsById() });

    // Each gym's climbs, archived walls' too (sessions logged on them still name their climbs):
    // one request per gym, or one per wall from a server without `GET /gyms/:id/climbs`.
    const climbsByLayout: Record<string, readonly Climb[]> = { ...state.climbsByLayout };
    const climbWrites: [string, string][] = [];
    for (const gym of read) {
      const error = await refreshGymClimbs(token, gym.id, climbsByLayout, climbWrites);
      if (error) errors.push(error);
    }
    await deps.storage.multiSet(climbWrites);
    set({ climbsByLayout, refreshing: false, lastError: errors.at(-1) ?? null });
    // Every open wall's picture, looked at or not: a climber who never opened a wall online
    // still sees it offline. Not when no gym answered (offline): the kept copies stay.
    if (read.length > 0 || gyms.length === 0) keepPicturesOf(gyms);
  }

  /**
   * One gym's climbs into `climbsByLayout` (and `writes`): all of them in one request, revalidated
   * by the gym's climbs ETag while every wall's list is on the device. Answers an error message.
   */
  async function refreshGymClimbs(
    token: string | null,
    gymId: string,
    climbsByLayout: Record<string, readonly Climb[]>,
    writes: [string, string][],
  ): Promise<string | null> {
    const entry = gymEntries.get(gymId);
    if (!entry) return null;
    const walls = entry.layouts;
    const whole = walls.every((l) => climbsByLayout[l.id] !== undefined);
    const result = await deps.api.gymClimbs(
      gymId,
      token,
      whole ? (entry.climbsEtag ?? null) : null,
    );
    if (result.ok && result.data === null) return null; // 304: every kept list is current
    if (result.ok) {
      const byLayout = new Map<string, Climb[]>(walls.map((l) => [l.id, []]));
      for (const climb of result.data.climbs) byLayout.get(climb.layoutId)?.push(climb);
      for (const [layoutId, climbs] of byLayout) {
        climbsByLayout[layoutId] = climbs;
        etags.set(layoutId, null);
        writes.push([climbsKey(layoutId), JSON.stringify({ etag: null, climbs })]);
      }
      saveGymEntry({ ...entry, climbsEtag: result.etag }, writes);
      return null;
    }
    if (result.kind !== 'http') return result.message;
    // A server from before `GET /gyms/:id/climbs`: wall by wall, each with its own ETag.
    saveGymEntry({ ...entry, climbsEtag: null }, writes);
    let lastError: string | null = null;
    for (const layout of walls) {
      const cachedEtag = climbsByLayout[layout.id] ? (etags.get(layout.id) ?? null) : null;
      const wall = await deps.api.climbs(layout.id, token, cachedEtag);
      if (wall.ok && wall.data !== null) {
        climbsByLayout[layout.id] = wall.data.climbs;
        etags.set(layout.id, wall.etag);
        writes.push([
          climbsKey(layout.id),
          JSON.stringify({ etag: wall.etag, climbs: wall.data.climbs } satisfies CachedClimbs),
        ]);
      } else if (!wall.ok) {
        // A failure: the cached list stays.
        lastError = wall.message;
      }
    }
    return lastError;
  }

  function saveGymEntry(entry: CachedGym, writes: [string, string][]): void {
    gymEntries.set(entry.gym.id, entry);
    writes.push([gymKey(entry.gym.id), JSON.stringify(entry)]);
  }

  return {
    getState: () => state,
    subscribe: emitter.subscribe,
    load: readCache,
    refresh: oneAtATime(fetchAll),
    keepPicturesOf,
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
