// Gesture handler's native module (the wall picture's pinch) under Jest: its maintainers' mock.
import 'react-native-gesture-handler/jestSetup';

// Native modules have no implementation under Jest: their maintainers' mocks stand in.
jest.mock('@react-native-async-storage/async-storage', () =>
  jest.requireActual('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);
jest.mock('@react-native-community/netinfo', () =>
  jest.requireActual('@react-native-community/netinfo/jest/netinfo-mock.js'),
);
jest.mock(
  'react-native-safe-area-context',
  () =>
    jest.requireActual<{ default: unknown }>('react-native-safe-area-context/jest/mock').default,
);
