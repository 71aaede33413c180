import type { Ref } from 'react';
import { Pressable, StyleSheet, Text } from 'react-native';
import type { View } from 'react-native';
import { colors, spacing } from '../theme/theme';

export interface ButtonProps {
  label: string;
  onPress: () => void;
  /** The accessible name when it differs from the visible label (e.g. "Log Crimpy"). */
  name?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  disabled?: boolean;
  /**
   * Makes it one radio of a `role="radiogroup"` (the grade filter): the state is read out as
   * checked, which a button's `aria-selected` is not.
   */
  checked?: boolean;
  small?: boolean;
  /** False takes it out of the Tab order (one radio of a group is the group's one stop). */
  focusable?: boolean;
  ref?: Ref<View>;
}

export function Button({
  label,
  onPress,
  name,
  variant = 'secondary',
  disabled,
  checked,
  small,
  focusable,
  ref,
}: ButtonProps) {
  const selected = checked === true;
  return (
    <Pressable
      ref={ref}
      // react-native-web's Pressable sets its own tabIndex, over `focusable`.
      focusable={focusable}
      tabIndex={focusable === false ? -1 : undefined}
      role={checked === undefined ? 'button' : 'radio'}
      aria-label={name ?? label}
      aria-disabled={disabled}
      aria-checked={checked}
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
  // 44 × 44 at the least: a tap target a chalky finger hits first time (Apple's and WCAG's size).
  base: {
    minHeight: 44,
    minWidth: 44,
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
