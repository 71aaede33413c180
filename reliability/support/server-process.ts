import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A real API process (`apps/server/src/main.ts`, as `npm run server` runs it). */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Every line it wrote (pino JSON on stdout, anything on stderr). */
  output: string[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (graceful) and wait for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no cleanup, no flush, like a power cord pulled on the process (not the OS). */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  /** DATABASE_URL or SENDLOG_DATA_DIR, and anything else main.ts reads. */
  env: Record<string, string>;
  /** Port to listen on; 0 picks a free one (the URL is read from the ready log line). */
  port?: number;
  readyTimeoutMs?: number;
}

/** Starts one server process and waits until it logs that it is ready. */
export function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Only what the test says: nothing inherited decides the database.
  delete env.DATABASE_URL;
  delete env.SENDLOG_DATA_DIR;
  delete env.SENDLOG_DEMO;
  delete env.SENDLOG_TOKEN_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...env,
      PORT: String(o.port ?? 0),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SENDLOG_DEMO: '1',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time:\n${output.join('').slice(-3000)}`));
    }, o.readyTimeoutMs ?? 120_000);
    let pending = '';
    const onLine = (line: string) => {
      if (!line.includes('sendlog server ready')) return;
      try {
        const { url } = JSON.parse(line) as { url: string };
        clearTimeout(timer);
        resolve({
          url,
          pid: child.pid!,
          child,
          output,
          exited,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
          kill: () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            return exited;
          },
        });
      } catch {
        // not the JSON line we wait for
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `server exited before ready (${code ?? signal}):\n${output.join('').slice(-3000)}`,
        ),
      );
    });
  });
}
