import Ionicons from '@expo/vector-icons/Ionicons';
import { View } from 'react-native';

export type TabIconName = 'walls' | 'history' | 'progress' | 'profile' | 'manage';

/**
 * Ionicons, one of the icon sets Expo ships (@expo/vector-icons): one font family only, so the
 * web bundle gains one glyph map and one font file (the service worker keeps it for offline).
 */
const GLYPHS: Record<TabIconName, keyof typeof Ionicons.glyphMap> = {
  // A board of holds.
  walls: 'grid-outline',
  // The sessions as they went.
  history: 'time-outline',
  progress: 'bar-chart-outline',
  profile: 'person-circle-outline',
  // The setter's tools.
  manage: 'construct-outline',
};

/**
 * A tab's icon. Hidden from screen readers: the tab's label already names it, and a symbol
 * read aloud ("▲ ▲ Layouts") only got in the way.
 */
export function TabIcon(props: { name: TabIconName; color: string; size?: number }) {
  return (
    <View aria-hidden importantForAccessibility="no-hide-descendants" accessible={false}>
      <Ionicons name={GLYPHS[props.name]} size={props.size ?? 24} color={props.color} />
    </View>
  );
}
