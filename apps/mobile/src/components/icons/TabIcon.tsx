import Feather from '@expo/vector-icons/Feather';
import { View } from 'react-native';

export type TabIconName = 'walls' | 'history' | 'progress' | 'profile' | 'manage';

/**
 * Feather, one of the icon sets Expo ships (@expo/vector-icons): line icons, and the lightest of
 * its fonts (about 23 kB in brotli, where Ionicons weighs 185 kB). One family only, so the web
 * bundle gains one glyph map and one font file, which the service worker keeps for offline.
 */
const GLYPHS: Record<TabIconName, keyof typeof Feather.glyphMap> = {
  // A board of holds.
  walls: 'grid',
  // The sessions as they went.
  history: 'clock',
  progress: 'bar-chart-2',
  profile: 'user',
  // The setter's controls.
  manage: 'sliders',
};

/**
 * A tab's icon. Hidden from screen readers: the tab's label already names it, and a symbol
 * read aloud ("▲ ▲ Layouts") only got in the way.
 */
export function TabIcon(props: { name: TabIconName; color: string; size?: number }) {
  return (
    <View aria-hidden importantForAccessibility="no-hide-descendants" accessible={false}>
      <Feather name={GLYPHS[props.name]} size={props.size ?? 24} color={props.color} />
    </View>
  );
}
