/**
 * Everything the bench starts (server processes, scratch databases, temp dirs) registers its
 * undo here, so a failure or Ctrl-C still leaves the machine as it was.
 */
const undo: { what: string; fn: () => Promise<unknown> }[] = [];

export function onCleanup(what: string, fn: () => Promise<unknown>): void {
  undo.push({ what, fn });
}

export async function cleanupAll(): Promise<void> {
  while (undo.length > 0) {
    const { what, fn } = undo.pop()!;
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup of ${what} failed: ${String(error)}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}
