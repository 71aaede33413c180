import NetInfo from '@react-native-community/netinfo';
import type { NetInfoState } from '@react-native-community/netinfo';

/** The engine's view of the network (`connectivity` of `createSyncEngine`). */
export interface Connectivity {
  isOnline(): boolean | null;
  subscribe(listener: () => void): () => void;
}

/**
 * Connectivity from NetInfo, with reachability measured against our own server's `/health`:
 * NetInfo's default probe is a public host, unreachable in many gyms (and here), which would
 * report "offline" while the Sendlog server answers fine.
 */
export function createNetInfoConnectivity(baseUrl: string): Connectivity {
  NetInfo.configure({
    reachabilityUrl: `${baseUrl}/health`,
    reachabilityTest: async (response) => response.status === 200,
    reachabilityShortTimeout: 5_000,
    reachabilityLongTimeout: 60_000,
    reachabilityRequestTimeout: 10_000,
    useNativeReachability: false,
  });
  let online: boolean | null = null;
  const listeners = new Set<() => void>();
  const read = (state: NetInfoState): boolean | null =>
    state.isConnected === false ? false : (state.isInternetReachable ?? state.isConnected ?? null);
  NetInfo.addEventListener((state) => {
    const next = read(state);
    if (next === online) return;
    online = next;
    for (const listener of [...listeners]) listener();
  });
  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
