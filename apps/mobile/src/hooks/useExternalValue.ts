import { useCallback, useRef, useSyncExternalStore } from 'react';

type Subscribe = (listener: () => void) => () => void;

/** Arrays equal by element identity, other values by identity. */
function sameItems<T>(a: T, b: T): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  }
  return Object.is(a, b);
}

/**
 * `useSyncExternalStore` over a source whose reads may build a fresh object each time: the last
 * value is kept while it stays equal, so React sees a stable snapshot and renders only on change.
 */
export function useExternalValue<T>(
  subscribe: Subscribe,
  read: () => T,
  isEqual: (a: T, b: T) => boolean = sameItems,
): T {
  const last = useRef<{ value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const next = read();
    if (last.current && isEqual(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  }, [read, isEqual]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
