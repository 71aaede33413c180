import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** postgres://… or absent for PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Where the process writes its log (it logs at info level, as deployed). */
  logFile: string;
  tokenSecret: string;
  /** Extra node flags, e.g. `--cpu-prof` to profile the API under the bench's load. */
  nodeArgs?: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * A real API process (`apps/server/src/main.ts`, as `npm run server` starts it), so the load
 * generator in this process never shares an event loop with the server it measures.
 */
export async function startServerProcess(o: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(o.logFile, 'a');
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: o.databaseUrl ?? '',
      SENDLOG_DATA_DIR: o.dataDir ?? '',
      // The demo gym gives the bench its climbs; the bench registers its own users.
      SENDLOG_DEMO: '1',
      SENDLOG_TOKEN_SECRET: o.tokenSecret,
      LOG_LEVEL: 'info',
      // Every measurement registers fresh accounts, all from 127.0.0.1.
      SENDLOG_REGISTER_LIMIT: '1000000',
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const gone = exited(child);
  // A first PGlite start runs initdb in WebAssembly: give a loaded machine its time.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server process exited with ${child.exitCode}; see ${o.logFile}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process did not answer /health within 180 s; see ${o.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
