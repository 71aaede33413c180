import { useCallback, useState } from 'react';

/**
 * Runs a store mutation and keeps its refusal (bad input, full session) as a message for the
 * screen. Mutations change memory and return at once (storage is written behind them), so there
 * is nothing to wait for: `run` answers whether the mutation went through.
 */
export function useStoreAction(): {
  error: string | null;
  run: (action: () => void) => boolean;
} {
  const [error, setError] = useState<string | null>(null);
  const run = useCallback((action: () => void) => {
    try {
      action();
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, []);
  return { error, run };
}
