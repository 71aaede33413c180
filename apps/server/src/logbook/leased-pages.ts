import { boundedRead } from '../db/bounded-read.js';
import type { Db } from '../db/connection.js';
import type { ReadLease } from '../http/read-lease.js';
import type { ExportPages } from './export-stream.js';

/**
 * The export's pages as the route reads them: each a bounded statement (`boundedRead`), the
 * climber's read lease renewed once half of it has passed, and the event loop let through before
 * each page. On PGlite a statement runs on the process's own thread, so without that turn an
 * export's pages would follow one another with no other request answered in between.
 */
export function leasedPages(
  db: Db,
  lease: ReadLease,
  o: { timeoutMs: number; leaseMs: number },
): ExportPages {
  let renewedAt = Date.now();
  return {
    async read(query) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (Date.now() - renewedAt > o.leaseMs / 2) {
        renewedAt = Date.now();
        await lease.renew();
      }
      return boundedRead(db, o.timeoutMs, query);
    },
    done: () => lease.release(),
  };
}
