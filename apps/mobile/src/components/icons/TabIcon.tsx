import type { ReactNode } from 'react';
import { View } from 'react-native';
import Svg, { Circle, Line, Path, Rect } from 'react-native-svg';

export type TabIconName = 'walls' | 'history' | 'progress' | 'profile' | 'manage';

/**
 * Line drawings on a 24-unit grid, stroked in the tab's colour: drawn with react-native-svg,
 * which the Progress charts already bring, so the web bundle gains no icon font.
 */
const DRAWINGS: Record<TabIconName, ReactNode> = {
  // A wall with its holds.
  walls: (
    <>
      <Path d="M3 21 L9 5 L14 13 L17 9 L21 21 Z" />
      <Circle cx="9" cy="12" r="1" />
      <Circle cx="15" cy="16" r="1" />
    </>
  ),
  // A clock: the sessions as they went.
  history: (
    <>
      <Circle cx="12" cy="12" r="9" />
      <Path d="M12 7 V12 L15 14" />
    </>
  ),
  // Bars that rise.
  progress: (
    <>
      <Line x1="5" y1="20" x2="5" y2="14" />
      <Line x1="12" y1="20" x2="12" y2="9" />
      <Line x1="19" y1="20" x2="19" y2="4" />
    </>
  ),
  // A head and shoulders.
  profile: (
    <>
      <Circle cx="12" cy="8" r="4" />
      <Path d="M4 21 C4 16 8 14 12 14 C16 14 20 16 20 21" />
    </>
  ),
  // Sliders: the setter's controls.
  manage: (
    <>
      <Line x1="4" y1="6" x2="20" y2="6" />
      <Line x1="4" y1="12" x2="20" y2="12" />
      <Line x1="4" y1="18" x2="20" y2="18" />
      <Rect x="7" y="4" width="3" height="4" rx="1" />
      <Rect x="14" y="10" width="3" height="4" rx="1" />
      <Rect x="9" y="16" width="3" height="4" rx="1" />
    </>
  ),
};

/**
 * A tab's icon. Hidden from screen readers: the tab's label already names it, and a symbol
 * read aloud ("▲ ▲ Layouts") only got in the way.
 */
export function TabIcon(props: { name: TabIconName; color: string; size?: number }) {
  const size = props.size ?? 24;
  return (
    <View aria-hidden importantForAccessibility="no-hide-descendants" accessible={false}>
      <Svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke={props.color}
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {DRAWINGS[props.name]}
      </Svg>
    </View>
  );
}
