/**
 * Part 13: a password spray from one address against one API process, and what it costs another
 * climber. `SPRAY_SHAPE.logins` logins to emails that do not exist, `concurrency` at a time (each
 * unknown email still pays a password hash, so that both failures take the same time), while the
 * other climber calls `GET /me` every few milliseconds; against the same `GET /me` on the idle
 * server just before.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { registerUser, type BenchUser } from './lib/api-client.js';
import { median } from './lib/stats.js';

export const SPRAY_SHAPE = { logins: 160, concurrency: 8, meSamples: 40 } as const;

export interface SprayFigures {
  idleMeMs: { median: number; p95: number };
  sprayMeMs: { median: number; p95: number; samples: number };
  /** Answers of the spray's logins by status. */
  statuses: Record<string, number>;
  sprayS: number;
  /** Logins that reached a password hash (401), per second of the spray. */
  hashedPerS: number;
}

const p95 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};

async function timeMe(url: string, user: BenchUser): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${user.token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET /me answered ${res.status}`);
  return performance.now() - t0;
}

async function login(url: string): Promise<number> {
  const res = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `spray-${randomUUID()}@sendlog.test`, password: 'Summer2026!' }),
  });
  await res.arrayBuffer();
  return res.status;
}

export async function loginSprayBench(url: string): Promise<SprayFigures> {
  const other = await registerUser(url);
  for (let i = 0; i < 5; i += 1) await timeMe(url, other);
  const idle: number[] = [];
  for (let i = 0; i < SPRAY_SHAPE.meSamples; i += 1) idle.push(await timeMe(url, other));

  const statuses: Record<string, number> = {};
  let next = 0;
  let spraying = true;
  const t0 = performance.now();
  const sprayer = async () => {
    while (next < SPRAY_SHAPE.logins) {
      next += 1;
      const status = String(await login(url));
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const during: number[] = [];
  const watcher = async () => {
    while (spraying) {
      during.push(await timeMe(url, other));
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const watching = watcher();
  await Promise.all(Array.from({ length: SPRAY_SHAPE.concurrency }, sprayer));
  const sprayS = (performance.now() - t0) / 1000;
  spraying = false;
  await watching;
  return {
    idleMeMs: { median: median(idle), p95: p95(idle) },
    sprayMeMs: { median: median(during), p95: p95(during), samples: during.length },
    statuses,
    sprayS,
    hashedPerS: (statuses['401'] ?? 0) / sprayS,
  };
}
