import NetInfo from '@react-native-community/netinfo';
import type { NetInfoState } from '@react-native-community/netinfo';
import { createNetInfoConnectivity } from './netInfoConnectivity';

const configure = jest.mocked(NetInfo.configure);
const addEventListener = jest.mocked(NetInfo.addEventListener);

function state(isConnected: boolean | null, isInternetReachable: boolean | null): NetInfoState {
  return { isConnected, isInternetReachable } as NetInfoState;
}

describe('NetInfo connectivity', () => {
  beforeEach(() => {
    configure.mockClear();
    addEventListener.mockClear();
  });

  it("checks reachability against the Sendlog server's /health, not a public host", async () => {
    createNetInfoConnectivity('https://sendlog.example');
    const config = configure.mock.calls[0]?.[0];
    expect(config?.reachabilityUrl).toBe('https://sendlog.example/health');
    expect(config?.useNativeReachability).toBe(false);
    expect(await config?.reachabilityTest?.({ status: 200 } as Response)).toBe(true);
    expect(await config?.reachabilityTest?.({ status: 503 } as Response)).toBe(false);
  });

  it('reports unknown, then follows reachability, calling back only on a change', () => {
    const connectivity = createNetInfoConnectivity('https://sendlog.example');
    const onChange = jest.fn();
    connectivity.subscribe(onChange);
    const emit = addEventListener.mock.calls[0]?.[0];
    if (!emit) throw new Error('no NetInfo listener');
    expect(connectivity.isOnline()).toBeNull();

    emit(state(true, null));
    expect(connectivity.isOnline()).toBe(true);
    emit(state(true, false));
    expect(connectivity.isOnline()).toBe(false);
    emit(state(false, null));
    expect(connectivity.isOnline()).toBe(false);
    emit(state(true, true));
    expect(connectivity.isOnline()).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
