import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, spacing } from '../theme/theme';
import { Button } from './Button';

/**
 * What was just done, with "Undo": the one look every undoable action has (an end, a delete, a
 * removal, a tap on "Try" or "Sent"), a strip across the top of the screen for a few seconds.
 * `children` are further actions beside Undo ("Edit" for a route just logged).
 */
export function UndoStrip(props: {
  text: string;
  undoName: string;
  onUndo: () => void;
  children?: ReactNode;
}) {
  return (
    <View style={styles.strip}>
      <Text style={styles.text} role="status" aria-live="polite">
        {props.text}
      </Text>
      <Button label="Undo" name={props.undoName} small onPress={props.onUndo} />
      {props.children}
    </View>
  );
}

const styles = StyleSheet.create({
  strip: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: spacing.sm,
    backgroundColor: colors.primaryBackground,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.xs,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
  },
  text: { flex: 1, color: colors.text, fontSize: 14 },
});
