import Feather from '@expo/vector-icons/Feather';
import { useState } from 'react';
import { Pressable, StyleSheet, View } from 'react-native';
import { colors, spacing } from '../theme/theme';
import { Button } from './Button';

export interface MoreMenuItem {
  label: string;
  /** The accessible name when it differs from the label ("Delete Main Wall, Mon 18:05"). */
  name?: string;
  danger?: boolean;
  onPress: () => void;
}

/**
 * "⋯": the actions a card or row rarely needs (delete, remove), out of sight until asked for, so
 * a list is not a column of red buttons. Opens in place (a disclosure: the button says whether it
 * is open); an item acts at once and closes it, and the Undo strip (RecentActionStrip) takes it
 * back — the one way every destructive action here is confirmed.
 */
export function MoreMenu(props: { name: string; items: readonly MoreMenuItem[] }) {
  const [open, setOpen] = useState(false);
  return (
    <View style={styles.menu}>
      <Pressable
        role="button"
        aria-label={props.name}
        aria-expanded={open}
        onPress={() => setOpen(!open)}
        style={({ pressed }) => [styles.toggle, open && styles.open, pressed && styles.pressed]}
      >
        <View aria-hidden importantForAccessibility="no-hide-descendants" accessible={false}>
          <Feather name="more-horizontal" size={22} color={colors.text} />
        </View>
      </Pressable>
      {open
        ? props.items.map((item) => (
            <Button
              key={item.label}
              label={item.label}
              name={item.name}
              small
              variant={item.danger ? 'danger' : 'secondary'}
              onPress={() => {
                setOpen(false);
                item.onPress();
              }}
            />
          ))
        : null}
    </View>
  );
}

const styles = StyleSheet.create({
  menu: { flexDirection: 'row', alignItems: 'center', gap: spacing.xs },
  toggle: {
    minWidth: 44,
    minHeight: 44,
    borderRadius: 8,
    alignItems: 'center',
    justifyContent: 'center',
    borderWidth: 1,
    borderColor: 'transparent',
  },
  open: { borderColor: colors.border, backgroundColor: colors.surface },
  pressed: { opacity: 0.7 },
});
