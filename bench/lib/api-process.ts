import { spawnServer, type ServerProcess } from '@sendlog/server/testing/server-process';

/**
 * A real API process, so the load generator in the bench's process never shares an event loop
 * with the server it measures. It writes its log (info level, as deployed) to `logFile` itself.
 */
export function startServerProcess(
  database: Record<string, string>,
  logFile: string,
  tokenSecret: string,
): Promise<ServerProcess> {
  return spawnServer({
    env: {
      ...database,
      SENDLOG_TOKEN_SECRET: tokenSecret,
      // Every measurement registers fresh accounts, all from 127.0.0.1.
      SENDLOG_REGISTER_LIMIT: '1000000',
    },
    logFile,
  });
}
