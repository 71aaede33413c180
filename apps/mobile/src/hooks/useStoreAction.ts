import { useCallback, useState } from 'react';

/**
 * Runs a store mutation and keeps its refusal (bad input, full session) as a message for the
 * screen. Mutations never touch the network, so there is nothing to wait for but storage.
 */
export function useStoreAction(): {
  error: string | null;
  run: (action: () => unknown) => Promise<boolean>;
  clearError: () => void;
} {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => unknown) => {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { error, run, clearError };
}
