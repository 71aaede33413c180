import type { Connectivity } from '../connectivity/netInfoConnectivity';

/** Connectivity the test switches by hand. */
export function createFakeConnectivity(initial: boolean | null = true) {
  let online = initial;
  const listeners = new Set<() => void>();
  const connectivity: Connectivity = {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return {
    connectivity,
    set(value: boolean | null) {
      online = value;
      for (const listener of [...listeners]) listener();
    },
  };
}
