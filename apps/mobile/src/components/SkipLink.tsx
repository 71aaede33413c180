import { useState } from 'react';
import { Platform, Pressable, StyleSheet, Text } from 'react-native';
import { colors, spacing } from '../theme/theme';

/**
 * "Skip to the climbs": the first stop of a screen whose picture holds a tab stop per climb. Out
 * of sight until the keyboard reaches it, then a plain button. Only the web has a Tab key to skip
 * with; a phone's screen reader swipes by headings instead.
 */
export function SkipLink(props: { label: string; onPress: () => void }) {
  const [focused, setFocused] = useState(false);
  if (Platform.OS !== 'web') return null;
  return (
    <Pressable
      role="button"
      aria-label={props.label}
      onPress={props.onPress}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      style={[styles.link, !focused && styles.hidden]}
    >
      <Text style={styles.label}>{props.label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  link: {
    minHeight: 44,
    justifyContent: 'center',
    paddingHorizontal: spacing.md,
    backgroundColor: colors.surface,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.primary,
  },
  // Off the screen, not hidden: it stays in the tab order and in what a screen reader reads.
  hidden: { position: 'absolute', left: -10000, top: 0 },
  label: { fontSize: 15, fontWeight: '600', color: colors.primary },
});
