import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How often each fault happens, as a probability per request (0–1). */
export interface FaultRates {
  /** The request never reaches the server: the client sees a reset connection. */
  dropRequest: number;
  /** The server handles the request, but its answer is lost on the way back. */
  dropResponse: number;
  /** The answer starts but is cut after part of its body. */
  truncateResponse: number;
  /** Extra latency, uniformly 0..maxDelayMs, applied before forwarding. */
  maxDelayMs: number;
}

export interface FaultCounts {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  truncatedResponses: number;
  forwarded: number;
  /** Status codes the server answered, counted whether or not the answer reached the client. */
  statuses: Record<number, number>;
}

export interface FaultProxy {
  url: string;
  counts: FaultCounts;
  setRates(rates: Partial<FaultRates>): void;
  close(): Promise<void>;
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An HTTP proxy on loopback that injects the faults a gym's network produces between a real
 * client and a real server. The server-side effect of a dropped response still happens: that is
 * the case exactly-once has to survive.
 */
export async function startFaultProxy(
  target: string,
  initial: Partial<FaultRates> = {},
  random: () => number = Math.random,
): Promise<FaultProxy> {
  const rates: FaultRates = {
    dropRequest: 0,
    dropResponse: 0,
    truncateResponse: 0,
    maxDelayMs: 0,
    ...initial,
  };
  const counts: FaultCounts = {
    requests: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    truncatedResponses: 0,
    forwarded: 0,
    statuses: {},
  };
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const server = http.createServer((req, res) => {
    counts.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const delay = rates.maxDelayMs > 0 ? Math.floor(random() * rates.maxDelayMs) : 0;
      setTimeout(() => {
        if (random() < rates.dropRequest) {
          counts.droppedRequests += 1;
          req.socket.destroy();
          return;
        }
        const dropAnswer = random() < rates.dropResponse;
        const truncate = !dropAnswer && random() < rates.truncateResponse;
        const out = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
            agent,
          },
          (up) => {
            const answer: Buffer[] = [];
            up.on('data', (c: Buffer) => answer.push(c));
            up.on('end', () => {
              counts.forwarded += 1;
              const status = up.statusCode ?? 502;
              counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
              const full = Buffer.concat(answer);
              if (dropAnswer) {
                counts.droppedResponses += 1;
                req.socket.destroy();
                return;
              }
              const headers = { ...up.headers };
              delete headers['transfer-encoding'];
              headers['content-length'] = String(full.length);
              res.writeHead(up.statusCode ?? 502, headers);
              if (truncate && full.length > 1) {
                counts.truncatedResponses += 1;
                res.write(full.subarray(0, Math.floor(full.length / 2)), () =>
                  req.socket.destroy(),
                );
                return;
              }
              res.end(full);
            });
          },
        );
        out.on('error', () => req.socket.destroy());
        out.end(body);
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setRates: (r) => Object.assign(rates, r),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
