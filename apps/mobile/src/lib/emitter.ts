/** A minimal change signal for `useSyncExternalStore`: listeners re-read the source's snapshot. */
export function createEmitter() {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(): void {
      for (const listener of [...listeners]) listener();
    },
  };
}
