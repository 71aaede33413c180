import type { KeyValueStorage, LocalSession } from './model.js';
import {
  STORAGE_KEYS,
  decodeIndex,
  decodeSession,
  isSessionKey,
  sessionIdOfKey,
  sessionKey,
} from './storage-layout.js';

export interface Loaded {
  sessions: LocalSession[];
  unreadableKeys: string[];
  indexStale: boolean;
}

export async function loadSessions(storage: KeyValueStorage): Promise<Loaded> {
  const index = decodeIndex(await storage.getItem(STORAGE_KEYS.index));
  // Keys the index does not name are adopted, never dropped: a logged attempt is never lost.
  const keys = new Set(index.map(sessionKey));
  for (const key of await storage.getAllKeys()) if (isSessionKey(key)) keys.add(key);
  const pairs = await storage.multiGet([...keys]);
  const sessions: LocalSession[] = [];
  const unreadableKeys: string[] = [];
  for (const [key, text] of pairs) {
    if (text == null) continue;
    const s = decodeSession(text);
    if (s && s.id === sessionIdOfKey(key)) sessions.push(Object.freeze(s));
    else unreadableKeys.push(key);
  }
  const indexStale = sessions.length !== index.length || sessions.some((s, i) => s.id !== index[i]);
  return { sessions, unreadableKeys, indexStale };
}
