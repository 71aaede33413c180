import { Pressable, StyleSheet, Text } from 'react-native';
import { colors, spacing } from '../theme/theme';

export interface ButtonProps {
  label: string;
  onPress: () => void;
  /** The accessible name when it differs from the visible label (e.g. "Log Crimpy"). */
  name?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  disabled?: boolean;
  selected?: boolean;
  small?: boolean;
}

export function Button({
  label,
  onPress,
  name,
  variant = 'secondary',
  disabled,
  selected,
  small,
}: ButtonProps) {
  return (
    <Pressable
      role="button"
      aria-label={name ?? label}
      aria-disabled={disabled}
      aria-selected={selected}
      disabled={disabled}
      onPress={onPress}
      style={({ pressed }) => [
        styles.base,
        small && styles.small,
        styles[variant],
        selected && styles.selected,
        disabled && styles.disabled,
        pressed && styles.pressed,
      ]}
    >
      <Text
        style={[
          styles.label,
          small && styles.smallLabel,
          (variant === 'primary' || selected) && styles.primaryLabel,
          variant === 'danger' && styles.dangerLabel,
          variant === 'link' && styles.linkLabel,
        ]}
      >
        {label}
      </Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: {
    borderRadius: 8,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.sm + 2,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 1,
  },
  small: { paddingHorizontal: spacing.md, paddingVertical: spacing.xs + 2 },
  primary: { backgroundColor: colors.primary, borderColor: colors.primary },
  secondary: { backgroundColor: colors.surface, borderColor: colors.border },
  danger: { backgroundColor: colors.surface, borderColor: colors.danger },
  link: {
    backgroundColor: 'transparent',
    borderColor: 'transparent',
    paddingHorizontal: spacing.xs,
  },
  selected: { backgroundColor: colors.primary, borderColor: colors.primary },
  disabled: { opacity: 0.45 },
  pressed: { opacity: 0.7 },
  label: { fontSize: 15, fontWeight: '600', color: colors.text },
  smallLabel: { fontSize: 13 },
  primaryLabel: { color: colors.primaryText },
  dangerLabel: { color: colors.danger },
  linkLabel: { color: colors.primary },
});
