import { SessionStoreError } from './errors.js';
import { importLegacySessions } from './legacy-import.js';
import type { KeyValueStorage } from './model.js';
import {
  CURRENT_SCHEMA_VERSION,
  STORAGE_KEYS,
  decodeIndex,
  encodeIndex,
  encodeSession,
  sessionKey,
} from './storage-layout.js';

export interface MigrationContext {
  storage: KeyValueStorage;
  /** Where the first design's `localSessions` array may be (the same storage by default). */
  legacyStorage: KeyValueStorage;
  nowIso: string;
  newId: () => string;
}

interface Migration {
  /** The version this migration produces; it runs on storage at `to - 1`. */
  to: number;
  run(ctx: MigrationContext): Promise<void>;
}

/** Version 0 is the first design (or an empty storage); each step moves one version up. */
const MIGRATIONS: readonly Migration[] = [
  { to: 1, run: (ctx) => importFirstDesign(ctx, 1) },
  { to: 2, run: allowUnlistedClimbs },
];

/**
 * Brings the storage to the current layout. Each step writes its data and the new version in one
 * `multiSet`, so an interrupted migration either happened or runs again.
 */
export async function migrateStorage(ctx: MigrationContext): Promise<void> {
  const stored = await ctx.storage.getItem(STORAGE_KEYS.schemaVersion);
  let version = stored == null ? 0 : Number(stored);
  if (!Number.isInteger(version) || version < 0) version = 0;
  if (version > CURRENT_SCHEMA_VERSION) {
    // Writing with an older layout could destroy what a newer app version stored.
    throw new SessionStoreError(
      'storage_too_new',
      `storage has schema version ${version}; this app understands up to ${CURRENT_SCHEMA_VERSION}`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.to > version) {
      await m.run(ctx);
      version = m.to;
    }
  }
  // Interrupted between writing the import and removing the old array: finish it (the import
  // never overwrites a session already stored, so edits made since are kept).
  if (version >= 1 && (await ctx.legacyStorage.getItem(STORAGE_KEYS.legacySessions)) != null) {
    await importFirstDesign(ctx, version);
  }
}

/** Imports the first design's array, writing `version` (the version storage is at) with it. */
async function importFirstDesign(ctx: MigrationContext, version: number): Promise<void> {
  const { storage, legacyStorage } = ctx;
  const text = await legacyStorage.getItem(STORAGE_KEYS.legacySessions);
  let raw: unknown = [];
  let readable = true;
  if (text != null) {
    try {
      raw = JSON.parse(text);
    } catch {
      readable = false;
    }
  }
  const imported = readable ? importLegacySessions(raw, ctx.nowIso, ctx.newId) : [];
  const stored = await storage.multiGet(imported.map((s) => sessionKey(s.id)));
  const sessions = imported.filter((_, i) => stored[i]?.[1] == null);
  const ids = new Set(decodeIndex(await storage.getItem(STORAGE_KEYS.index)));
  for (const s of sessions) ids.add(s.id);
  await storage.multiSet([
    ...sessions.map((s) => [sessionKey(s.id), encodeSession(s)] as const),
    [STORAGE_KEYS.index, encodeIndex(ids)],
    [STORAGE_KEYS.schemaVersion, String(version)],
  ]);
  // An unreadable array stays where it is: nothing a user logged is ever deleted.
  if (text != null && readable) await legacyStorage.removeItem(STORAGE_KEYS.legacySessions);
}

/**
 * Version 2 only adds fields a version 1 session lacks and reads as null (`place`, a route's
 * `climb`): every stored session stays byte for byte as it was; only the version moves.
 */
async function allowUnlistedClimbs(ctx: MigrationContext): Promise<void> {
  await ctx.storage.setItem(STORAGE_KEYS.schemaVersion, String(2));
}
