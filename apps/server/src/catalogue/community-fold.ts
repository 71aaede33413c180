import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { queryRows } from '../db/sql.js';
import { applyDeltasStatement, foldStatement } from './community-aggregate.js';

/**
 * The community view is folded off the request path. A write of a climber's routes queues, in its
 * own transaction, one `community_outbox` row per (climber, climb) it changed (sessions/ingest/
 * write.ts); the fold brings those climbers' rows of `climb_climber_stats` up to date (adding the
 * queued values of routes that were only added, recomputing the rest from the routes: see
 * community-aggregate.ts) and deletes the outbox rows, in one transaction:
 *
 * 1. `select … for update skip locked`: the batch is this fold's alone. Other API processes
 *    folding at the same moment skip these rows and take others, so no two folds ever compute
 *    one (climber, climb) row at once.
 * 2. The recompute (`foldStatement`) and the additions (`applyDeltasStatement`), in statements of
 *    their own so that their snapshots are taken after the locks: they see every write that
 *    queued these rows before the fold locked them, and the values those writes queued. A write
 *    that queues one of them after that waits on the lock (its queue statement is an upsert,
 *    which must lock the row it meets) and, once the fold commits and the row is gone, queues it
 *    again: the next fold sees that write.
 *
 * A process that dies mid-fold rolls its transaction back: the rows stay queued and the next fold
 * does the work. A fold's statements delete the rows they applied, so nothing is applied twice.
 */

/** Rows one fold takes: a bulk of 100 sessions queues a few dozen. */
export const FOLD_BATCH = 500;

/** One fold of up to `batch` queued pairs; the number folded (0: nothing free to fold). */
export async function foldOnce(db: Db, batch = FOLD_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const picked = await queryRows<{ user_id: string; climb_id: string; recompute: boolean }>(
      tx,
      sql`select user_id, climb_id, recompute from community_outbox
          order by queued_at limit ${batch}
          for update skip locked`,
    );
    for (const [recompute, statement] of [
      [true, foldStatement],
      [false, applyDeltasStatement],
    ] as const) {
      const rows = picked.filter((p) => p.recompute === recompute);
      if (rows.length === 0) continue;
      await tx.execute(
        statement(
          rows.map((p) => p.user_id),
          rows.map((p) => p.climb_id),
        ),
      );
    }
    return picked.length;
  });
}

async function queued(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from community_outbox`,
  );
  return row?.n ?? 0;
}

/**
 * Folds until the outbox is empty, including rows another process is folding right now (waited
 * for, not skipped): what tests and the admin command call to read a settled view.
 */
export async function drainCommunityOutbox(db: Db): Promise<void> {
  for (;;) {
    if ((await foldOnce(db)) > 0) continue;
    if ((await queued(db)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The age of the oldest queued row (ms, 0 when none): how stale the community view is. */
export async function outboxLagMs(db: Db): Promise<number> {
  const [row] = await queryRows<{ ms: number | null }>(
    db,
    sql`select (extract(epoch from (clock_timestamp() - min(queued_at))) * 1000)::float8 as ms
        from community_outbox`,
  );
  return Math.max(0, Number(row?.ms ?? 0));
}

export interface FolderOptions {
  /** How soon after a write of this process its rows are folded (ms). */
  delayMs: number;
  /** How often the outbox is looked at anyway: other processes' rows, a dead process's (ms). */
  pollMs: number;
  onError: (error: unknown) => void;
}

/** 50 ms after a write, and every second anyway: see docs/architecture.md for the bound. */
export const DEFAULT_FOLDER: Omit<FolderOptions, 'onError'> = { delayMs: 50, pollMs: 1000 };

/**
 * The fold loop of one API process: nudged by its own writes, polling for the rest. Holds no state
 * that matters: any process, or none for a while, may fold any row.
 */
export class CommunityFolder {
  private timer: NodeJS.Timeout | null = null;
  private readonly poll: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly o: FolderOptions,
  ) {
    this.poll = setInterval(() => this.runSoon(0), o.pollMs);
    this.poll.unref();
  }

  /** A write queued rows: fold them shortly (writes within the delay share one fold). */
  nudge(): void {
    this.runSoon(this.o.delayMs);
  }

  private runSoon(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.foldAll().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.runSoon(0);
        }
      });
    }, delayMs);
    this.timer.unref();
  }

  private async foldAll(): Promise<void> {
    try {
      while ((await foldOnce(this.db)) > 0);
    } catch (error) {
      this.o.onError(error);
    }
  }

  /**
   * Stops the loop, waits for a fold in flight, then folds what is still free in the queue once:
   * a process shut down gracefully leaves a settled view (one that died leaves its rows queued for
   * any other process, or for itself once restarted).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.foldAll();
  }
}
