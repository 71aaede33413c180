import { useWindowDimensions } from 'react-native';

/** From this width a screen has room for two columns (a tablet, a laptop's browser). */
export const WIDE_WINDOW_MIN_WIDTH = 900;

/** True on windows wide enough for two columns; follows rotation and window resizes. */
export function useWideWindow(): boolean {
  return useWindowDimensions().width >= WIDE_WINDOW_MIN_WIDTH;
}
