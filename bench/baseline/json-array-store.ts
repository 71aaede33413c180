import { randomUUID } from 'node:crypto';
import type { KeyValueStorage } from '@sendlog/sync';

/**
 * The origin app's client store, before sync existed: every LocalSession in one JSON array
 * under one AsyncStorage key, rewritten whole on every change. Kept as small as the first design
 * describes it, and generous to it: the array is parsed once and then held in memory, so a
 * change pays only for serializing and writing the array, never for reading it back.
 */
export const SEED_KEY = 'localSessions';

export interface SeedRoute {
  climbId: string;
  isSuccess: boolean;
  attempts: number;
  notes: string | null;
  rating: number | null;
  gradeOpinion: string | null;
  loggedAt: string;
}

export interface SeedSession {
  /** "local temp id" */
  id: string;
  startTime: string;
  endTime: string | null;
  notes: string | null;
  routes: SeedRoute[];
  status: 'active' | 'completed' | 'synced' | 'sync_failed';
  serverSessionId: string | null;
}

export class JsonArrayStore {
  private constructor(
    private readonly storage: KeyValueStorage,
    private readonly sessions: SeedSession[],
  ) {}

  static async open(storage: KeyValueStorage): Promise<JsonArrayStore> {
    const text = await storage.getItem(SEED_KEY);
    return new JsonArrayStore(storage, text ? (JSON.parse(text) as SeedSession[]) : []);
  }

  private persist(): Promise<void> {
    return this.storage.setItem(SEED_KEY, JSON.stringify(this.sessions));
  }

  private find(id: string): SeedSession {
    const s = this.sessions.find((x) => x.id === id);
    if (!s) throw new Error(`no session ${id}`);
    return s;
  }

  async startSession(): Promise<string> {
    const id = `local_${Date.now()}_${randomUUID().slice(0, 8)}`;
    this.sessions.push({
      id,
      startTime: new Date().toISOString(),
      endTime: null,
      notes: null,
      routes: [],
      status: 'active',
      serverSessionId: null,
    });
    await this.persist();
    return id;
  }

  async logRoute(
    sessionId: string,
    input: Pick<SeedRoute, 'climbId' | 'isSuccess' | 'attempts'>,
  ): Promise<void> {
    this.find(sessionId).routes.push({
      ...input,
      notes: null,
      rating: null,
      gradeOpinion: null,
      loggedAt: new Date().toISOString(),
    });
    await this.persist();
  }

  async endSession(sessionId: string): Promise<void> {
    const s = this.find(sessionId);
    s.endTime = new Date().toISOString();
    s.status = 'completed';
    await this.persist();
  }
}
