import { StyleSheet, Text, View } from 'react-native';
import { useRequiredAccount } from '../hooks/services';
import { useRecentEnd } from '../hooks/sessions';
import { colors, spacing } from '../theme/theme';
import { Button } from './Button';

/**
 * "Session ended … Undo" for a few seconds after "End session", a strip above the screen like
 * the delete's: the end has happened (and may sync), Undo resumes the session where it was.
 */
export function UndoEndStrip(props: { onResumed: (layoutId: string | null) => void }) {
  const recent = useRecentEnd();
  const { ends } = useRequiredAccount();
  if (!recent) return null;
  return (
    <View style={styles.strip} role="status" aria-live="polite">
      <Text style={styles.text}>Session ended.</Text>
      <Button
        label="Undo"
        name="Undo end session"
        small
        variant="link"
        onPress={() => {
          const resumed = ends.undo();
          if (resumed) props.onResumed(resumed.layoutId);
        }}
      />
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
    paddingVertical: spacing.sm,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
  },
  text: { flex: 1, color: colors.text, fontSize: 14 },
});
