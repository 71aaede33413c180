import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from '../theme/theme';
import { holdColorOf } from './holdColors';

/**
 * A hold colour as a small swatch and its name. The name is the text equivalent: shown beside the
 * swatch, or (`nameHidden`, where the row already says it) given to screen readers only.
 */
export function ColorSwatch(props: { color: string | null; nameHidden?: boolean; size?: number }) {
  const hold = holdColorOf(props.color);
  const size = props.size ?? 14;
  const swatch = (
    <View
      style={[
        styles.swatch,
        { width: size, height: size, borderRadius: size / 2, backgroundColor: hold.fill },
        props.color === null && styles.none,
      ]}
    />
  );
  if (props.nameHidden) {
    return (
      <View accessible role="img" aria-label={`Colour: ${hold.name}`}>
        {swatch}
      </View>
    );
  }
  return (
    <View style={styles.row}>
      {swatch}
      <Text style={styles.name}>{hold.name}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  // A dark edge: white or yellow holds still show against a white card (3:1 for the shape).
  swatch: { borderWidth: 1, borderColor: colors.muted },
  none: { borderStyle: 'dashed' },
  name: { fontSize: 13, color: colors.muted },
});
