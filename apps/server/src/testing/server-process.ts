import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A first PGlite start runs initdb in WebAssembly: a loaded machine needs its time. */
const READY_TIMEOUT_MS = 180_000;

/** Everything main.ts reads: a server process gets only what its caller says. */
const SERVER_ENV = [
  'DATABASE_URL',
  'SENDLOG_DATA_DIR',
  'SENDLOG_DEMO',
  'SENDLOG_TOKEN_SECRET',
  'SENDLOG_REGISTER_LIMIT',
  'SENDLOG_LOGIN_FAILURE_LIMIT',
  'SENDLOG_WEB_ROOT',
  'PORT',
  'HOST',
  'SENDLOG_METRICS_TOKEN',
  'SENDLOG_TRUST_PROXY',
  'LOG_LEVEL',
  'SENDLOG_GYM_NAME',
  'SENDLOG_GYM_TIMEZONE',
];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export type LogLine = Record<string, unknown>;

/** A real API process (`apps/server/src/main.ts`, as `npm run server` runs it). */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every chunk it wrote (pino JSON on stdout, anything on stderr); empty with `logFile`. */
  output: string[];
  /** Every line it wrote on stdout, as written (its log); empty with `logFile`. */
  stdoutLines: string[];
  /** The first JSON log line (already written or still to come) that `match` accepts. */
  waitForLog(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** SIGTERM (graceful: in-flight requests finish), SIGKILL if still alive after 10 s. */
  stop(): Promise<Exit>;
  /** SIGKILL: no cleanup, no flush, like a power cord pulled on the process (not the OS). */
  kill(): Promise<Exit>;
}

export interface SpawnOptions {
  /** DATABASE_URL or SENDLOG_DATA_DIR (a `TestDatabase`'s env), and anything else main.ts reads. */
  env: Record<string, string>;
  /**
   * Where its output goes instead of `output`. The child writes the file itself, so a server
   * under load costs this process nothing (the bench's load generator runs here); it listens on
   * a port picked free beforehand and is ready when /health answers. Without a file it listens
   * on a port of its own choosing, read from its ready log line.
   */
  logFile?: string;
  /**
   * What node runs (default: main.ts through tsx, as `npm run server`); the build's test gives
   * dist/main.js here, so the process never loads tsx.
   */
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

async function untilHealthy(url: string, alive: () => boolean): Promise<string> {
  while (alive()) {
    try {
      if ((await fetch(`${url}/health`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server process exited'); // spawnServer reports the exit with its output
}

/** The server's process with only the environment its caller gives (on top of a runnable one). */
function startChild(
  o: Pick<SpawnOptions, 'env' | 'nodeArgs'>,
  port: number,
  stdio: StdioOptions,
): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVER_ENV) delete env[name];
  return spawn(process.execPath, o.nodeArgs ?? ['--import', 'tsx', SERVER_MAIN], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // The demo gym gives every caller its climbs; callers register their own users.
      SENDLOG_DEMO: '1',
      ...o.env,
    },
    stdio,
  });
}

/**
 * Runs a server process that is meant to stop on its own (a start it must refuse): its exit code
 * and everything it wrote on stderr, read to the end.
 */
export function runServerToExit(
  o: Pick<SpawnOptions, 'env'>,
): Promise<{ code: number | null; stderr: string }> {
  const child = startChild(o, 0, ['ignore', 'ignore', 'pipe']);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

/** Starts one server process and waits until it is ready. */
export async function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  const port = o.logFile ? await freePort() : 0;
  const log = o.logFile ? openSync(o.logFile, 'a') : undefined;
  const child = startChild(o, port, ['ignore', log ?? 'pipe', log ?? 'pipe']);
  if (log !== undefined) closeSync(log);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;

  const output: string[] = [];
  const stdoutLines: string[] = [];
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  if (child.stdout && child.stderr) {
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (text) => {
      stdoutLines.push(text);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        return; // not pino JSON (a warning printed by node)
      }
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.match(line)) w.resolve(line);
        else waiters.push(w);
      }
    });
  }
  const waitForLog = (match: (line: LogLine) => boolean) => {
    if (o.logFile) return Promise.reject(new Error(`its log goes to ${o.logFile}`));
    return new Promise<LogLine>((resolve) => {
      const seen = lines.find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  };
  const recent = () => (o.logFile ? `see ${o.logFile}` : output.join('').slice(-3000));

  const ready = o.logFile
    ? untilHealthy(`http://127.0.0.1:${port}`, alive)
    : waitForLog((l) => l.msg === 'sendlog server ready').then((l) => String(l.url));
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    ready,
    exited.then(({ code, signal }) => {
      throw new Error(`server exited before ready (${code ?? signal}):\n${recent()}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server was not ready within ${READY_TIMEOUT_MS} ms:\n${recent()}`));
      }, READY_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));

  return {
    url,
    child,
    output,
    stdoutLines,
    waitForLog,
    exited,
    async stop() {
      if (alive()) child.kill('SIGTERM');
      const escalate = setTimeout(() => {
        if (alive()) child.kill('SIGKILL');
      }, 10_000);
      const exit = await exited;
      clearTimeout(escalate);
      return exit;
    },
    kill() {
      if (alive()) child.kill('SIGKILL');
      return exited;
    },
  };
}
