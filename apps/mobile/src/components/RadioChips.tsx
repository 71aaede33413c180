import { useRef } from 'react';
import { StyleSheet, View } from 'react-native';
import type { ViewProps } from 'react-native';
import { spacing } from '../theme/theme';
import { Button } from './Button';

export interface RadioChip<T> {
  value: T;
  label: string;
  /** The accessible name when it differs from the label. */
  name?: string;
}

/** A key the web's keyboard sent (react-native-web hands the DOM's KeyboardEvent over). */
type KeyEvent = { key?: string; nativeEvent?: { key?: string }; preventDefault?: () => void };

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A row of radios as one stop for the keyboard, as a radio group is on the web: Tab reaches the
 * chosen one, the arrow keys choose the next or the previous. A tap on the chosen one calls
 * `onPressChecked` (a filter clears itself that way).
 */
export function RadioChips<T>(props: {
  label: string;
  chips: readonly RadioChip<T>[];
  value: T;
  onChange: (value: T) => void;
  onPressChecked?: () => void;
  style?: ViewProps['style'];
}) {
  const { chips, value, onChange } = props;
  const refs = useRef<(View | null)[]>([]);
  const index = Math.max(
    0,
    chips.findIndex((c) => c.value === value),
  );
  const keys = {
    onKeyDown: (event: KeyEvent) => {
      const step = STEPS[event.key ?? event.nativeEvent?.key ?? ''];
      if (step === undefined || chips.length === 0) return;
      event.preventDefault?.();
      const next = (index + step + chips.length) % chips.length;
      const chip = chips[next];
      if (!chip) return;
      onChange(chip.value);
      (refs.current[next] as unknown as { focus?: () => void } | null)?.focus?.();
    },
  } as Partial<ViewProps>;
  return (
    <View role="radiogroup" aria-label={props.label} style={[styles.row, props.style]} {...keys}>
      {chips.map((chip, i) => (
        <Button
          key={String(chip.value)}
          ref={(element) => {
            refs.current[i] = element;
          }}
          label={chip.label}
          name={chip.name}
          small
          checked={i === index && chip.value === value}
          focusable={i === index}
          onPress={() =>
            chip.value === value && props.onPressChecked
              ? props.onPressChecked()
              : onChange(chip.value)
          }
        />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: 'row', gap: spacing.xs },
});
