import { BACKENDS, type Backend } from '@sendlog/server/testing';

/** The server test kit's databases, under the name the real-server tests call them by. */
export interface ServerBackend {
  name: Backend['name'];
  /** Options for `startServer` on a fresh database, and how to drop it afterwards. */
  open: () => ReturnType<Backend['createDatabase']>;
}

export function serverBackends(): ServerBackend[] {
  return BACKENDS.map((b) => ({ name: b.name, open: () => b.createDatabase('sync') }));
}
