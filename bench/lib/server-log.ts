import { readFile } from 'node:fs/promises';

export interface StatementCounts {
  /** Bulks that created sessions (first syncs, including part 4's load). */
  firstBulk: number[];
  /** Bulks answered entirely from what was stored (replays). */
  replayBulk: number[];
  single: number[];
}

/**
 * SQL statements per ingest request, as the API process logged them (`statements` on its
 * "bulk ingested" and "session ingested" lines): proof of set-based writes, from the outside.
 */
export async function statementsPerRequest(logFile: string): Promise<StatementCounts> {
  const found: StatementCounts = { firstBulk: [], replayBulk: [], single: [] };
  for (const line of (await readFile(logFile, 'utf8')).split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as {
        msg?: unknown;
        statements?: unknown;
        summary?: { created?: number; duplicate?: number };
      };
      if (typeof entry.statements !== 'number') continue;
      if (entry.msg === 'bulk ingested') {
        if (entry.summary?.created) found.firstBulk.push(entry.statements);
        else if (entry.summary?.duplicate) found.replayBulk.push(entry.statements);
      } else if (entry.msg === 'session ingested') found.single.push(entry.statements);
    } catch {
      // a line that is not pino JSON (e.g. a warning printed by node)
    }
  }
  return found;
}
