import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '../../apps/server/src/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_ROOT = path.join(REPO_ROOT, 'apps/mobile/dist');

/** Everything the web bundle is built from. */
const SOURCES = [
  'apps/mobile/src',
  'apps/mobile/App.tsx',
  'apps/mobile/index.ts',
  'apps/mobile/app.json',
  'apps/mobile/public',
  'apps/mobile/metro.config.js',
  'apps/mobile/scripts',
  'apps/mobile/package.json',
  'packages/sync/src',
  'packages/contract/src',
].map((p) => path.join(REPO_ROOT, p));

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(p, name))),
    stat.mtimeMs,
  );
}

const isStale = (): boolean => {
  const index = path.join(WEB_ROOT, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  return built <= Math.max(...SOURCES.map(newestMtime));
};

/** Held while one test process builds; the browser suites run in parallel processes. */
const BUILD_LOCK = path.join(REPO_ROOT, 'apps/mobile/.web-export.lock');
/** A lock older than this was left by a killed run (an export takes about a minute). */
const STALE_LOCK_MS = 10 * 60_000;

async function takeBuildLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (existsSync(BUILD_LOCK) ? statSync(BUILD_LOCK).mtimeMs : 0);
      if (age > STALE_LOCK_MS) await rm(BUILD_LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * Builds the Expo web export (as `npm start` does) unless dist/ is newer than every source. One
 * process builds while the others wait for it, then find it fresh: two exports writing one
 * dist/ at once would leave a mix of both.
 */
export async function ensureWebExport(): Promise<void> {
  if (!isStale()) return;
  await takeBuildLock();
  try {
    if (!isStale()) return;
    console.log('[e2e] building the web export (apps/mobile/dist)…');
    await promisify(execFile)('npm', ['run', 'export:web', '-w', '@sendlog/mobile'], {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * The product as `npm start` serves it, in this process: the web export (built when stale) on
 * the API with an in-memory database and the demo gym.
 */
export async function startWebApp(): Promise<RunningServer> {
  await ensureWebExport();
  return startServer({
    dataDir: 'memory://',
    demo: true,
    port: 0,
    logger: false,
    webRoot: WEB_ROOT,
  });
}
