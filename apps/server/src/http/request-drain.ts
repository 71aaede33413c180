import type { IncomingMessage } from 'node:http';

/**
 * How much of a refused body is still read: 16 × the 2 MiB limit. A client that sends more gets
 * its 413 at once and the connection closed under it (a network error on its side, for a body
 * no endpoint would ever take).
 */
export const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;
/** A client trickling its body never holds the answer longer than this. */
const DRAIN_TIMEOUT_MS = 15_000;

/**
 * Reads and discards the rest of a request body the server refuses. Answering while the client is
 * still sending makes the server close the connection under it: Node's `fetch` (undici) then
 * reports `EPIPE`, a network error a client retries for ever, and never reads the 413 that
 * explains it. Resolves `true` once the body has ended, `false` when it is beyond the limit.
 */
export function drainRequestBody(
  raw: IncomingMessage,
  limit = DRAIN_LIMIT_BYTES,
  timeoutMs = DRAIN_TIMEOUT_MS,
): Promise<boolean> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve(true);
  if (Number(raw.headers['content-length']) > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let received = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onFailure = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), timeoutMs);
    raw.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure);
    raw.resume();
  });
}
