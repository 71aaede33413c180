// The test kit: databases on both backends, in-process test servers and real server processes;
// other packages reach it as `@sendlog/server/testing`.
export {
  BACKENDS,
  HAS_POSTGRES,
  POSTGRES,
  userData,
  type Backend,
  type BackendName,
  type InProcessDatabase,
  type TestDatabase,
} from './databases.js';
export { openMigratedDatabase, type MigratedDatabase } from './migrated-database.js';
export { spawnServer, type Exit, type ServerProcess, type SpawnOptions } from './server-process.js';
export { SERVER_START_TIMEOUT, startTestServer, type TestServer } from './test-server.js';
