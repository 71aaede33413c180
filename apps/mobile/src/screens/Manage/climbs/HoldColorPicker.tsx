import { Pressable, StyleSheet, Text, View } from 'react-native';
import { ColorSwatch } from '../../../components/ColorSwatch';
import { HOLD_COLORS, holdColorOf } from '../../../components/holdColors';
import { colors, common, spacing } from '../../../theme/theme';

interface Props {
  value: string | null;
  onChange: (color: string | null) => void;
  error?: string | undefined;
}

/**
 * The hold colour as one choice among the app's named colours (or none): a swatch and its name
 * each, so the choice never rests on colour alone.
 */
export function HoldColorPicker({ value, onChange, error }: Props) {
  const options = [
    ...HOLD_COLORS.map((c) => ({ key: c.value, hex: c.value as string | null })),
    { key: 'none', hex: null },
  ];
  return (
    <View style={{ gap: spacing.xs }}>
      <Text style={common.heading} nativeID="hold-colour-label">
        Hold colour
      </Text>
      <View role="radiogroup" aria-labelledby="hold-colour-label" style={styles.options}>
        {options.map((option) => {
          const checked = value?.toLowerCase() === option.hex || (value === null && !option.hex);
          return (
            <Pressable
              key={option.key}
              role="radio"
              aria-checked={checked}
              aria-label={holdColorOf(option.hex).name}
              onPress={() => onChange(option.hex)}
              style={[styles.option, checked && styles.checked]}
            >
              <ColorSwatch color={option.hex} size={20} />
            </Pressable>
          );
        })}
      </View>
      {error !== undefined ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  options: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs },
  option: {
    minHeight: 44,
    minWidth: 44,
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.xs,
    paddingHorizontal: spacing.sm,
    borderRadius: 8,
    borderWidth: 1,
    borderColor: colors.border,
    backgroundColor: colors.surface,
  },
  checked: { borderColor: colors.primary, borderWidth: 3 },
});
